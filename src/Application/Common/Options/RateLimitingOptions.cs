namespace ShopEase.Application.Common.Options;

/// <summary>
/// Section <c>RateLimiting</c>. Every limit is configurable; <c>Enabled=false</c> switches them all
/// off (test suites that hammer one account do that). On by default.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    public int LoginPerIpPerMinute { get; set; } = 30;

    public int RegisterPerIpPerHour { get; set; } = 10;

    public int RefreshPerSessionPerMinute { get; set; } = 60;

    /// <summary>Forgot-password, verification re-send and email-change requests per account per hour.</summary>
    public int EmailPerAccountPerHour { get; set; } = 5;

    /// <summary>Each of those requests per client IP per hour, per node.</summary>
    public int EmailPerIpPerHour { get; set; } = 30;

    /// <summary>Failed logins for one email within <see cref="LockoutWindow"/> that lock it.</summary>
    public int LockoutFailures { get; set; } = 10;

    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
