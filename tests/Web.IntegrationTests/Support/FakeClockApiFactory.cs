using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>The app with a clock the test moves: token and session lifetimes without waiting.</summary>
public sealed class FakeClockApiFactory : ShopEaseApiFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jwt:AccessTokenLifetime"] = "00:10:00",
        ["Jwt:RefreshTokenLifetime"] = "01:00:00",
        ["Jwt:SessionLifetime"] = "02:00:00",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
