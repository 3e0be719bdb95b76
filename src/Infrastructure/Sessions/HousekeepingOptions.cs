namespace ShopEase.Infrastructure.Sessions;

/// <summary>Section <c>Housekeeping</c>: clearing out refresh tokens and sessions nobody can use any more.</summary>
public sealed class HousekeepingOptions
{
    public const string SectionName = "Housekeeping";

    public bool Enabled { get; set; } = true;

    public TimeSpan Period { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows per DELETE: short statements that never hold many row locks at once.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// How long an expired or revoked session is kept before it goes, for audit and support. Its
    /// access tokens are refused either way; only the record disappears.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);
}
