namespace ShopEase.Infrastructure.Metrics;

/// <summary>Names the Web layer hands to OpenTelemetry.</summary>
public static class Telemetry
{
    /// <summary>The meter of ShopEase's own counters (<c>shopease.*</c>).</summary>
    public const string MeterName = "ShopEase";

    /// <summary>The hashing gate's meter: hashes running, waiting (the hash queue) and refused.</summary>
    public const string PasswordHashingMeterName = "ShopEase.PasswordHashing";
}
