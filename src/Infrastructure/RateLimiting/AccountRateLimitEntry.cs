namespace ShopEase.Infrastructure.RateLimiting;

/// <summary>
/// One account's count of one mail-sending action in the current window, keyed by a SHA-256 of the action
/// and the account (an email for "forgot password", so emails are never stored in clear here).
/// </summary>
public sealed class AccountRateLimitEntry
{
    public byte[] Key { get; set; } = [];

    public DateTimeOffset WindowStartedAt { get; set; }

    public int Count { get; set; }
}
