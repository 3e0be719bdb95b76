namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>
/// A node that would trust a cached session for a whole minute: if revocation still reaches it
/// within the 5 s bound, LISTEN/NOTIFY delivered it, not cache expiry.
/// </summary>
public sealed class LongCacheApiFactory : ShopEaseApiFactory
{
    public static readonly IReadOnlyDictionary<string, string?> LongCache = new Dictionary<string, string?>
    {
        ["Revocation:CacheDuration"] = "00:01:00",
    };

    protected override IReadOnlyDictionary<string, string?> Settings => LongCache;
}
