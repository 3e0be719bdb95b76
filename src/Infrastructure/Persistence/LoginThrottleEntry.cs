namespace ShopEase.Infrastructure.Persistence;

/// <summary>
/// Failed-login bookkeeping for one email, keyed by the SHA-256 of the normalised email so that
/// emails without an account are never stored in clear.
/// </summary>
public sealed class LoginThrottleEntry
{
    public byte[] EmailHash { get; set; } = [];

    public DateTimeOffset WindowStartedAt { get; set; }

    public int Failures { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
