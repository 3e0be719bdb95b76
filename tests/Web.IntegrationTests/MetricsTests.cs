using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ShopEase.Infrastructure.Email;
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
            ["Email__BacklogCountInterval"] = "00:00:01",
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
    public async Task Scrape_ShowsTheOutboxBacklogByState()
    {
        // No mail server is set here, so the sign-up's verification mail stays pending. Giving up on a
        // message is EmailDeadLetterTests' subject; here a row that was given up on is simply put in place.
        await _api.RegisterAsync();
        await database.WithDbContextAsync(async db =>
        {
            db.EmailOutbox.Add(new OutboxMessage
            {
                Id = Guid.CreateVersion7(),
                Recipient = "gone@example.org",
                Subject = "Given up on",
                CreatedAt = DateTimeOffset.UtcNow,
                NextAttemptAt = DateTimeOffset.UtcNow,
                Attempts = 10,
                DeadAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var pending = await database.WithDbContextAsync(db => db.EmailOutbox.CountAsync(m => m.SentAt == null && m.DeadAt == null));
        pending.ShouldBeGreaterThanOrEqualTo(1);

        // Each node counts every Email:BacklogCountInterval (a second here), so the gauge catches up.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string scrape;
        do
        {
            await Task.Delay(200);
            scrape = await ScrapeAsync();
        }
        while (!(HasSample(scrape, "shopease_email_outbox_messages", "state=\"dead_lettered\"", 1)
                 && HasSample(scrape, "shopease_email_outbox_messages", "state=\"pending\"", pending))
               && DateTime.UtcNow < deadline);

        Value(scrape, "shopease_email_outbox_messages", "state=\"pending\"").ShouldBe(pending);
        Value(scrape, "shopease_email_outbox_messages", "state=\"dead_lettered\"").ShouldBe(1);
        scrape.Split('\n').Count(line => line.StartsWith("shopease_email_outbox_messages{", StringComparison.Ordinal)).ShouldBe(2);
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

    private static bool HasSample(string scrape, string metric, string label, double value) =>
        scrape.Split('\n').Select(line => SampleLine().Match(line)).Any(m =>
            m.Success && m.Groups["name"].Value == metric && m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)
            && double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture) == value);

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
