using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>The per-session refresh limit's window follows the app's clock, so a test can move past it.</summary>
public sealed class RefreshLimitWindowTests(RefreshLimitWindowTests.SmallRefreshLimitApiFactory factory)
    : IClassFixture<RefreshLimitWindowTests.SmallRefreshLimitApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Refresh_RefusedByTheLimit_WorksOnceTheMinuteHasPassed()
    {
        var refresh = await UseUpTheLimitAsync();
        (await _client.RefreshAsync(refresh)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        factory.Clock.Advance(TimeSpan.FromSeconds(61));

        (await _client.RefreshAsync(refresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_RefusedByTheLimit_RetryAfterCountsDownWithTheClock()
    {
        var refresh = await UseUpTheLimitAsync();

        factory.Clock.Advance(TimeSpan.FromSeconds(45));
        var limited = await _client.RefreshAsync(refresh);

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.GetValues("Retry-After").Single().ShouldBe("15");
    }

    private async Task<string> UseUpTheLimitAsync()
    {
        var refresh = (await _client.RegisterAsync()).Refresh;
        for (var i = 0; i < 2; i++)
        {
            refresh = (await (await _client.RefreshAsync(refresh)).ReadTokenPairAsync()).Refresh;
        }

        return refresh;
    }

    public sealed class SmallRefreshLimitApiFactory : ShopEaseApiFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:RefreshPerSessionPerMinute"] = "2",
        };

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }
}
