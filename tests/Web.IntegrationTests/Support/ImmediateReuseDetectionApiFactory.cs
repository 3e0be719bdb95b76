namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>
/// No reuse grace: a spent refresh token presented again ends its session at once, so theft detection can
/// be tested without waiting (RefreshReuseGraceTests covers the grace itself).
/// </summary>
public sealed class ImmediateReuseDetectionApiFactory : ShopEaseApiFactory
{
    public static readonly IReadOnlyDictionary<string, string?> NoGrace = new Dictionary<string, string?>
    {
        ["Jwt:RefreshTokenReuseGrace"] = "00:00:00",
    };

    protected override IReadOnlyDictionary<string, string?> Settings => NoGrace;
}
