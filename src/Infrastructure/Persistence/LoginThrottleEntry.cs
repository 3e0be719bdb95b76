namespace ShopEase.Infrastructure.Persistence;

/// <summary>
/// Lockout bookkeeping for one email, keyed by an HMAC of the normalised email (see LoginThrottle) so
/// that emails without an account are never stored in a form anyone can check a guess against.
/// </summary>
public sealed class LoginThrottleEntry
{
    public byte[] EmailHash { get; set; } = [];

    public DateTimeOffset WindowStartedAt { get; set; }

    /// <summary>Password checks counted in the window, before each check; a right password deletes the row.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
