namespace ShopEase.Application.Common.Abstractions;

public enum RefreshRotationStatus
{
    /// <summary>Unknown, expired, revoked, or lost a concurrent race for the same token.</summary>
    Rejected,

    Rotated,

    /// <summary>An already spent token was replayed: its session has been revoked.</summary>
    ReuseDetected,

    /// <summary>
    /// An already spent token came back within the reuse grace of its rotation (a racing tab, most likely):
    /// refused, and its session left alone.
    /// </summary>
    SpentWithinGrace,

    /// <summary>The token belongs to another session than the caller proved it holds (a CSRF token's).</summary>
    WrongSession,

    /// <summary>The session refreshed too often; the token is untouched and works once the window has passed.</summary>
    RateLimited,
}
