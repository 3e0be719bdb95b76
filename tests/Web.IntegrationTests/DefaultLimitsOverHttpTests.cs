using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// The per-IP limits with their default numbers, against the app as a separate process reached over a
/// real socket from 127.0.0.1 with no proxy configured: the test server's in-memory peer cannot show a
/// wrong window, a wrong partition key, or an X-Forwarded-For that is taken from a loopback client.
/// </summary>
public sealed class DefaultLimitsOverHttpTests(DefaultLimitsOverHttpTests.ServerFixture fixture)
    : IClassFixture<DefaultLimitsOverHttpTests.ServerFixture>
{
    [Fact]
    public async Task Register_TenSignUpsPerClientPerHour_AndForgedForwardedForAddressesBuyNoMore()
    {
        using var http = fixture.App.CreateClient();
        var forwarded = await SendAsync(http, "/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword }, "203.0.113.7");
        forwarded.StatusCode.ShouldBe(HttpStatusCode.Created);
        for (var i = 1; i < 10; i++)
        {
            (await http.PostJsonAsync("/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword }))
                .StatusCode.ShouldBe(HttpStatusCode.Created, fixture.App.Output);
        }

        var eleventh = await http.PostJsonAsync("/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword });

        await ShouldBeRateLimitedAsync(eleventh, minimumWait: TimeSpan.FromMinutes(59), maximumWait: TimeSpan.FromHours(1));
        foreach (var forged in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
        {
            var response = await SendAsync(http, "/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword }, forged);
            response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, $"X-Forwarded-For: {forged} from an unlisted peer must not buy a new budget");
        }

        var access = (await forwarded.Content.ReadFromJsonAsync<AuthBody>())!.Access;
        (await SessionIpsAsync(http, access)).ShouldBe(["127.0.0.1"]);
    }

    [Fact]
    public async Task Login_ThirtyPerClientPerMinute_AndForgedForwardedForAddressesBuyNoMore()
    {
        using var http = fixture.App.CreateClient();
        for (var i = 0; i < 30; i++)
        {
            (await http.PostJsonAsync("/api/auth/login", new { email = ApiClientExtensions.UniqueEmail("nobody"), password = "wrong password" }))
                .StatusCode.ShouldBe(HttpStatusCode.Unauthorized, fixture.App.Output);
        }

        var thirtyFirst = await http.PostJsonAsync("/api/auth/login", new { email = ApiClientExtensions.UniqueEmail("nobody"), password = "wrong password" });
        var forged = await SendAsync(http, "/api/auth/login", new { email = ApiClientExtensions.UniqueEmail("nobody"), password = "wrong password" }, "198.51.100.4");

        await ShouldBeRateLimitedAsync(thirtyFirst, minimumWait: TimeSpan.FromSeconds(1), maximumWait: TimeSpan.FromMinutes(1));
        await ShouldBeRateLimitedAsync(forged, minimumWait: TimeSpan.FromSeconds(1), maximumWait: TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task ForwardedFor_WithTheHostsForwardedHeadersSwitchOnButNoProxyListed_IsStillIgnored()
    {
        var environment = new Dictionary<string, string>(fixture.ServerEnvironment) { ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true" };
        await using var server = await ApiNodeProcess.StartAsync(environment);
        using var http = server.CreateClient();

        var registered = await SendAsync(http, "/api/auth/register",
            new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword }, "203.0.113.8");

        registered.StatusCode.ShouldBe(HttpStatusCode.Created, server.Output);
        var access = (await registered.Content.ReadFromJsonAsync<AuthBody>())!.Access;
        (await SessionIpsAsync(http, access)).ShouldBe(["127.0.0.1"]);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string path, object body, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return http.SendAsync(request);
    }

    private static async Task<string[]> SessionIpsAsync(HttpClient http, string access)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/sessions");
        request.Headers.Authorization = new("Bearer", access);
        var sessions = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<SessionBody[]>();
        return sessions!.Select(s => s.Ip!).ToArray();
    }

    private static async Task ShouldBeRateLimitedAsync(HttpResponseMessage response, TimeSpan minimumWait, TimeSpan maximumWait)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await response.ReadProblemAsync()).Code.ShouldBe("rate_limited");
        var wait = TimeSpan.FromSeconds(int.Parse(response.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture));
        wait.ShouldBeInRange(minimumWait, maximumWait, "the window is the default one");
    }

    /// <summary>A migrated database of its own, and the app serving it with every limit at its default.</summary>
    public sealed class ServerFixture : ShopEaseApiFactory
    {
        public ApiNodeProcess App { get; private set; } = null!;

        public IReadOnlyDictionary<string, string> ServerEnvironment => new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Default"] = ConnectionString,
            ["Jwt__SigningKey"] = SigningKey,
        };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            App = await ApiNodeProcess.StartAsync(ServerEnvironment);
        }

        public override async ValueTask DisposeAsync()
        {
            if (App is not null)
            {
                await App.DisposeAsync();
            }

            await base.DisposeAsync();
        }
    }
}
