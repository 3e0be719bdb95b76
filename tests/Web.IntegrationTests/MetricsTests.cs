using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// The app as a real process with a management port: Prometheus scrapes the HTTP metrics and ShopEase's
/// own counters there, and the public port has no such route.
/// </summary>
public sealed partial class MetricsTests(ShopEaseApiFactory database) : IClassFixture<ShopEaseApiFactory>, IAsyncLifetime, IDisposable
{
    private ApiNodeProcess _node = null!;
    private HttpClient _api = null!;
    private HttpClient _management = null!;

    public async Task InitializeAsync()
    {
        var managementPort = LoopbackPort.Free();
        _node = await ApiNodeProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Default"] = database.ConnectionString,
            ["Jwt__SigningKey"] = database.SigningKey,
            ["Mfa__EncryptionKey"] = database.MfaEncryptionKey,
            ["RateLimiting__Enabled"] = "false",
            ["Management__Port"] = managementPort.ToString(CultureInfo.InvariantCulture),
        });
        _api = new HttpClient { BaseAddress = _node.BaseAddress };
        _management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}") };
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    public void Dispose()
    {
        _api.Dispose();
        _management.Dispose();
    }

    [Fact]
    public async Task Scrape_CountsSignUpsAndLoginsByOutcome()
    {
        var account = await _api.RegisterAsync();
        await _api.LoginAsync(account.User.Email);
        (await _api.PostJsonAsync("/api/auth/login", new { email = account.User.Email, password = "not the password" }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var scrape = await ScrapeAsync();

        Value(scrape, "shopease_auth_signups_total").ShouldBe(1);
        Value(scrape, "shopease_auth_logins_total", "outcome=\"succeeded\"").ShouldBe(1);
        Value(scrape, "shopease_auth_logins_total", "outcome=\"failed\"").ShouldBe(1);
        Value(scrape, "shopease_password_hashing_running").ShouldBe(0);
        Value(scrape, "shopease_password_hashing_waiting").ShouldBe(0);
    }

    [Fact]
    public async Task Scrape_HasTheFrameworksHttpMetricsByRoute()
    {
        (await _api.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var scrape = await ScrapeAsync();

        Value(scrape, "http_server_request_duration_seconds_count", "http_response_status_code=\"200\",http_route=\"/health/live\"").ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Scrape_CountsRevokedSessionsByReason()
    {
        var account = await _api.RegisterAsync();
        (await _api.PostJsonAsync("/api/auth/logout", new { refresh = account.Refresh }, account.Access)).StatusCode.ShouldBe(HttpStatusCode.ResetContent);

        var scrape = await ScrapeAsync();

        Value(scrape, "shopease_auth_sessions_revoked_total", "reason=\"logout\"").ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task PublicPort_HasNoMetricsRoute()
    {
        var response = await _api.GetAsync("/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Code.ShouldBe("not_found");
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/api/auth/me")]
    [InlineData("/openapi/v1.json")]
    public async Task ManagementPort_ServesNothingButMetrics(string path)
    {
        (await _management.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<string> ScrapeAsync()
    {
        var response = await _management.GetAsync("/metrics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, _node.Output);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> whose labels contain <paramref name="label"/>.</summary>
    private static double Value(string scrape, string metric, string? label = null)
    {
        var samples = scrape.Split('\n')
            .Select(line => SampleLine().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == metric && (label is null || m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            .ToList();
        samples.Count.ShouldBe(1, $"one sample of {metric} {label} in:\n{scrape}");
        return double.Parse(samples[0].Groups["value"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)")]
    private static partial Regex SampleLine();
}
