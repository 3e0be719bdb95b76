namespace ShopEase.Infrastructure.Sessions;

/// <summary>Section <c>Revocation</c>: how fast a revoked session stops every access token that names it.</summary>
public sealed class RevocationOptions
{
    public const string SectionName = "Revocation";

    /// <summary>
    /// Checks the session of every access token. Only a benchmark switches it off, to measure what it costs.
    /// </summary>
    public bool CheckEnabled { get; set; } = true;

    /// <summary>
    /// The longest a node may trust a cached answer. LISTEN/NOTIFY normally evicts within
    /// milliseconds; this bounds the delay even when a notification is lost.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
