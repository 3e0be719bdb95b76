using System.Diagnostics;
using System.Net;
using ShopEase.Web.IntegrationTests.Support;
using Xunit.Abstractions;

namespace ShopEase.Web.IntegrationTests;

/// <summary>Two app instances on one database: a revocation on one reaches the other within 5 s.</summary>
public sealed class TwoNodeRevocationTests(LongCacheApiFactory nodeA, ITestOutputHelper output)
    : IClassFixture<LongCacheApiFactory>, IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private PeerNodeApiFactory _nodeB = null!;

    public async Task InitializeAsync()
    {
        _nodeB = new PeerNodeApiFactory(nodeA, LongCacheApiFactory.LongCache);
        await _nodeB.InitializeAsync();
        _nodeB.CreateApiClient();

        // Give node B's listener a moment to subscribe before the test revokes anything.
        await Task.Delay(500);
    }

    public async Task DisposeAsync() => await _nodeB.DisposeAsync();

    public void Dispose() => _nodeB.Dispose();

    [Fact]
    public async Task LogoutOnNodeA_IsHonouredByNodeB_WithinTheBound()
    {
        var a = nodeA.CreateApiClient();
        var b = _nodeB.CreateApiClient();
        var session = await a.RegisterAsync();
        (await b.GetMeAsync(session.Access)).StatusCode.ShouldBe(HttpStatusCode.OK, "node B now caches the session as live");

        await a.PostJsonAsync("/api/auth/logout", new { refresh = session.Refresh }, session.Access);

        var elapsed = await TimeUntilRefusedAsync(b, session.Access);
        output.WriteLine($"node B refused the token {elapsed.TotalMilliseconds:F0} ms after logout on node A");
        elapsed.ShouldBeLessThan(Bound);
    }

    [Fact]
    public async Task LogoutAllOnNodeB_IsHonouredByNodeA_WithinTheBound()
    {
        var a = nodeA.CreateApiClient();
        var b = _nodeB.CreateApiClient();
        var session = await a.RegisterAsync();
        (await a.GetMeAsync(session.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var other = await b.LoginAsync(session.User.Email);

        await b.PostJsonAsync("/api/auth/logout-all", new { }, other.Access);

        (await TimeUntilRefusedAsync(a, session.Access)).ShouldBeLessThan(Bound);
    }

    private static async Task<TimeSpan> TimeUntilRefusedAsync(HttpClient client, string access)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Bound + TimeSpan.FromSeconds(5))
        {
            if ((await client.GetMeAsync(access)).StatusCode == HttpStatusCode.Unauthorized)
            {
                return clock.Elapsed;
            }

            await Task.Delay(20);
        }

        return clock.Elapsed;
    }
}
