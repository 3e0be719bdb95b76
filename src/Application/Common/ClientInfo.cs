namespace ShopEase.Application.Common;

/// <summary>Who is calling, as far as the HTTP edge can tell; kept with a session.</summary>
public sealed record ClientInfo(string? UserAgent, string? IpAddress)
{
    public static ClientInfo Unknown { get; } = new(null, null);
}
