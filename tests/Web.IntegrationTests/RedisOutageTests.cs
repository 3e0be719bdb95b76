using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;
using Xunit.Abstractions;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// The per-IP limits' redis-server is killed mid-run and started again: the API keeps answering, never
/// with a 5xx, the limits fall back to this node's memory (they fail open to the per-node budget, see
/// docs/adr/0010), and counting returns to Redis once it is back.
/// </summary>
public sealed class RedisOutageTests(SharedRateLimitTests.RedisLimitsApiFactory factory, ITestOutputHelper output)
    : IClassFixture<SharedRateLimitTests.RedisLimitsApiFactory>
{
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task RedisKilledMidway_EveryRouteKeepsAnswering_AndTheLoginLimitHoldsOnThisNode()
    {
        var client = factory.CreateApiClient();
        var account = await client.RegisterAsync();
        (await SharedRateLimitTests.LoginFromAsync(client, "198.51.100.70")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await factory.Redis.KillAsync();

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 4; i++)
        {
            (await TimedAsync(() => SharedRateLimitTests.LoginFromAsync(client, "198.51.100.71"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        await SharedRateLimitTests.ShouldBeRateLimitedAsync(await TimedAsync(() => SharedRateLimitTests.LoginFromAsync(client, "198.51.100.71")));
        (await TimedAsync(() => SharedRateLimitTests.RegisterFromAsync(client, "198.51.100.72"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var login = await TimedAsync(() => SharedRateLimitTests.LoginFromAsync(client, "198.51.100.73", account.User.Email, ApiClientExtensions.DefaultPassword));
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var session = await login.Content.ReadFromJsonAsync<AuthBody>();
        (await TimedAsync(() => client.GetMeAsync(session!.Access))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TimedAsync(() => client.RefreshAsync(session!.Refresh))).StatusCode.ShouldBe(HttpStatusCode.OK);
        output.WriteLine($"9 requests with Redis down answered in {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task RedisBack_CountingReturnsToRedis()
    {
        var client = factory.CreateApiClient();
        (await SharedRateLimitTests.LoginFromAsync(client, "198.51.100.80")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await factory.Redis.KillAsync();
        (await SharedRateLimitTests.LoginFromAsync(client, "198.51.100.81")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await factory.Redis.StartAgainAsync();

        // A killed server keeps no keys: the first one that appears was counted after the reconnect.
        // Each attempt comes from an address of its own, so the node's own fallback budget (while it reconnects) never runs out.
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; await factory.Redis.CommandAsync("DBSIZE") == ":0" && clock.Elapsed < TimeSpan.FromSeconds(20); attempt++)
        {
            var address = $"203.0.113.{1 + (attempt % 254)}";
            (await SharedRateLimitTests.LoginFromAsync(client, address)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            await Task.Delay(100);
        }

        output.WriteLine($"counted in Redis again {clock.ElapsedMilliseconds} ms after it restarted");
        (await factory.Redis.CommandAsync("DBSIZE")).ShouldNotBe(":0");
    }

    [Fact]
    public async Task RedisUnreachableFromTheStart_TheAppServes_AndLimitsPerNode()
    {
        var settings = new Dictionary<string, string?>(factory.SharedSettings) { ["Redis:Configuration"] = $"127.0.0.1:{LoopbackPort.Free()}" };
        await using var node = new PeerNodeApiFactory(factory, settings, SharedRateLimitTests.RedisLimitsApiFactory.PeerAddresses);
        var client = node.CreateApiClient();

        // The node's first login also makes its password hasher (one more hash): not what is timed here.
        (await SharedRateLimitTests.LoginFromAsync(client, "198.51.100.91")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        for (var i = 0; i < 4; i++)
        {
            (await TimedAsync(() => SharedRateLimitTests.LoginFromAsync(client, "198.51.100.90"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        await SharedRateLimitTests.ShouldBeRateLimitedAsync(await TimedAsync(() => SharedRateLimitTests.LoginFromAsync(client, "198.51.100.90")));
    }

    private static async Task<HttpResponseMessage> TimedAsync(Func<Task<HttpResponseMessage>> call)
    {
        var clock = Stopwatch.StartNew();
        var response = await call();
        clock.Elapsed.ShouldBeLessThan(AnswerBound);
        ((int)response.StatusCode).ShouldBeLessThan(500, await response.Content.ReadAsStringAsync());
        return response;
    }
}
