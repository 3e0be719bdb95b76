using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// Two app instances on one database and one real redis-server: the per-IP limits are one budget for
/// the whole cluster, not one per node.
/// </summary>
public sealed class SharedRateLimitTests(SharedRateLimitTests.RedisLimitsApiFactory nodeA)
    : IClassFixture<SharedRateLimitTests.RedisLimitsApiFactory>, IAsyncLifetime, IDisposable
{
    private PeerNodeApiFactory _nodeB = null!;

    public async Task InitializeAsync()
    {
        _nodeB = new PeerNodeApiFactory(nodeA, nodeA.SharedSettings, RedisLimitsApiFactory.PeerAddresses);
        await _nodeB.InitializeAsync();
    }

    public async Task DisposeAsync() => await _nodeB.DisposeAsync();

    public void Dispose() => _nodeB.Dispose();

    [Fact]
    public async Task Login_TwoClientsOfOneIpOnTwoNodes_ShareOneLimit()
    {
        const string ip = "198.51.100.60";
        var onA = nodeA.CreateApiClient();
        var onB = _nodeB.CreateApiClient();
        foreach (var client in new[] { onA, onA, onB, onB })
        {
            (await LoginFromAsync(client, ip)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        await ShouldBeRateLimitedAsync(await LoginFromAsync(onB, ip));
        await ShouldBeRateLimitedAsync(await LoginFromAsync(onA, ip));
    }

    [Fact]
    public async Task Register_TwoClientsOfOneIpOnTwoNodes_ShareOneLimit()
    {
        const string ip = "198.51.100.61";
        var onA = nodeA.CreateApiClient();
        var onB = _nodeB.CreateApiClient();
        foreach (var client in new[] { onA, onB, onB })
        {
            (await RegisterFromAsync(client, ip)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        await ShouldBeRateLimitedAsync(await RegisterFromAsync(onA, ip));
    }

    [Fact]
    public async Task Login_AnotherIp_HasItsOwnSharedBudget()
    {
        var onA = nodeA.CreateApiClient();
        var onB = _nodeB.CreateApiClient();
        for (var i = 0; i < 5; i++)
        {
            await LoginFromAsync(i % 2 == 0 ? onA : onB, "198.51.100.62");
        }

        (await LoginFromAsync(onB, "198.51.100.63")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_PastTheSharedLimit_RetryAfterIsTheRestOfTheMinute()
    {
        const string ip = "198.51.100.64";
        var onA = nodeA.CreateApiClient();
        for (var i = 0; i < 4; i++)
        {
            await LoginFromAsync(onA, ip);
        }

        var limited = await LoginFromAsync(_nodeB.CreateApiClient(), ip);

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeInRange(1, 61);
    }

    internal static async Task ShouldBeRateLimitedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        (await response.ReadProblemAsync()).Code.ShouldBe("rate_limited");
    }

    internal static Task<HttpResponseMessage> LoginFromAsync(HttpClient client, string ip, string? email = null, string password = "whatever1") =>
        PostFromAsync(client, ip, "/api/auth/login", new { email = email ?? ApiClientExtensions.UniqueEmail(), password });

    internal static Task<HttpResponseMessage> RegisterFromAsync(HttpClient client, string ip) =>
        PostFromAsync(client, ip, "/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword });

    private static Task<HttpResponseMessage> PostFromAsync(HttpClient client, string ip, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add(PeerAddressStartupFilter.Header, ip);
        return client.SendAsync(request);
    }

    /// <summary>Node A, with small per-IP limits counted in a redis-server of its own that node B shares.</summary>
    public sealed class RedisLimitsApiFactory : ShopEaseApiFactory
    {
        private OwnRedisServer? _redis;

        public static Action<IServiceCollection> PeerAddresses { get; } =
            services => services.AddTransient<IStartupFilter, PeerAddressStartupFilter>();

        public OwnRedisServer Redis => _redis ?? throw new InvalidOperationException("Not initialised yet.");

        public IReadOnlyDictionary<string, string?> SharedSettings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:LoginPerIpPerMinute"] = "4",
            ["RateLimiting:RegisterPerIpPerHour"] = "3",
            ["Redis:Configuration"] = Redis.Configuration,
        };

        public override async Task InitializeAsync()
        {
            _redis = await OwnRedisServer.StartAsync();
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (_redis is not null)
            {
                await _redis.DisposeAsync();
            }
        }

        protected override IReadOnlyDictionary<string, string?> Settings => SharedSettings;

        protected override void ConfigureServices(IServiceCollection services) => PeerAddresses(services);
    }
}
