namespace ShopEase.Infrastructure.Persistence;

/// <summary>Section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// How long a request waits for PostgreSQL (connecting, and each command) before it answers
    /// 503 <c>service_unavailable</c>. Unless the connection string sets its own Timeout/Command Timeout.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
