using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ShopEase.Web.IntegrationTests.Support;
using Xunit.Abstractions;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// The test's own PostgreSQL is stopped mid-run (pg_ctl stop -m immediate) and started again: the
/// API answers 503 service_unavailable quickly meanwhile, and serves again without a restart.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    private OwnPostgresCluster _cluster = null!;
    private OutageApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _cluster = await OwnPostgresCluster.StartAsync();
        await using (var admin = new NpgsqlConnection(_cluster.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE shopease", admin);
            await create.ExecuteNonQueryAsync();
        }

        _factory = new OutageApiFactory(_cluster.ConnectionString("shopease"));
        await _factory.WithDbContextAsync(db => db.Database.MigrateAsync());
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    public void Dispose() => _factory?.Dispose();

    [Fact]
    public async Task Outage_Gives503sFast_NothingIsLostOrDoubled_AndServiceReturnsWithoutRestart()
    {
        var client = _factory.CreateApiClient();
        var before = await client.RegisterAsync();
        var beforeRefreshed = await RefreshOkAsync(client, before.Refresh);
        var heldBack = await client.LoginAsync(before.User.Email);

        await _cluster.StopImmediatelyAsync();
        var outageStarted = Stopwatch.StartNew();

        var duringOutage = new (string Name, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("register", () => client.PostJsonAsync("/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword })),
            ("login", () => client.PostJsonAsync("/api/auth/login", new { email = before.User.Email, password = ApiClientExtensions.DefaultPassword })),
            ("refresh", () => client.RefreshAsync(heldBack.Refresh)),
            ("me", () => client.GetMeAsync(beforeRefreshed.Access)),
            ("sessions", () => SendAsync(client, HttpMethod.Get, "/api/auth/sessions", beforeRefreshed.Access)),
            ("ready", () => client.GetAsync("/health/ready")),
        };
        TimeSpan? firstServiceUnavailable = null;
        foreach (var (name, call) in duringOutage)
        {
            var clock = Stopwatch.StartNew();
            var response = await call();
            clock.Elapsed.ShouldBeLessThan(Timeout + Slack, $"{name} must answer within the timeout");
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, $"{name} during the outage");
            firstServiceUnavailable ??= outageStarted.Elapsed;
            if (name != "ready")
            {
                response.Headers.GetValues("Retry-After").Single().ShouldBe("5");
                (await response.ReadProblemAsync()).Code.ShouldBe("service_unavailable");
            }
        }

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK, "the process itself is fine");

        await _cluster.StartServerAsync();
        var restarted = Stopwatch.StartNew();
        var firstOk = await TimeUntilAsync(async () =>
            (await client.PostJsonAsync("/api/auth/login", new { email = before.User.Email, password = ApiClientExtensions.DefaultPassword })).StatusCode == HttpStatusCode.OK);
        output.WriteLine($"first 503 {firstServiceUnavailable!.Value.TotalMilliseconds:F0} ms after the stop; first 200 {firstOk.TotalMilliseconds:F0} ms after the restart");
        firstOk.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        restarted.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));

        // Everything works again, and the refresh that got 503 did not spend its token.
        var after = await client.RegisterAsync();
        (await client.GetMeAsync(after.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await RefreshOkAsync(client, after.Refresh);
        await RefreshOkAsync(client, heldBack.Refresh);
        await RefreshOkAsync(client, beforeRefreshed.Refresh);

        // Every session has exactly one live refresh token: no 200 left two successors behind.
        var liveTokensPerSession = await _factory.WithDbContextAsync(db => db.RefreshTokens
            .Where(t => t.SpentAt == null)
            .GroupBy(t => t.SessionId)
            .Select(g => g.Count())
            .ToListAsync());
        liveTokensPerSession.ShouldAllBe(count => count == 1);
    }

    private static async Task<TokenPairBody> RefreshOkAsync(HttpClient client, string refresh)
    {
        var response = await client.RefreshAsync(refresh);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TokenPairBody>())!;
    }

    private static async Task<TimeSpan> TimeUntilAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (await condition())
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        return clock.Elapsed;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string access)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", access);
        return client.SendAsync(request);
    }

    private sealed class OutageApiFactory : ShopEaseApiFactory
    {
        public OutageApiFactory(string connectionString) => ConnectionString = connectionString;

        protected override bool OwnsDatabase => false;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Timeout"] = "00:00:03",
        };
    }
}
