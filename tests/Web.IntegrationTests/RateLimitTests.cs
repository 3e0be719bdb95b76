using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>Each limit with small numbers: the request past it gets 429 rate_limited with Retry-After.</summary>
public sealed class RateLimitTests(RateLimitTests.SmallLimitsApiFactory factory) : IClassFixture<RateLimitTests.SmallLimitsApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Login_PerClientIp_ThePastTheLimitAttemptIs429WithRetryAfter()
    {
        const string ip = "198.51.100.10";
        for (var i = 0; i < 4; i++)
        {
            (await LoginFromAsync(ip, ApiClientExtensions.UniqueEmail(), "whatever1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var limited = await LoginFromAsync(ip, ApiClientExtensions.UniqueEmail(), "whatever1");

        await ShouldBeRateLimitedAsync(limited);
    }

    [Fact]
    public async Task Login_AnotherClientIp_HasItsOwnBudget()
    {
        for (var i = 0; i < 5; i++)
        {
            await LoginFromAsync("198.51.100.20", ApiClientExtensions.UniqueEmail(), "whatever1");
        }

        (await LoginFromAsync("198.51.100.21", ApiClientExtensions.UniqueEmail(), "whatever1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_EveryAddressOfOneIpv6Slash64_SharesOneBudget()
    {
        for (var i = 1; i <= 4; i++)
        {
            (await LoginFromAsync($"2001:db8:aa:1::{i}", ApiClientExtensions.UniqueEmail(), "whatever1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var limited = await LoginFromAsync("2001:db8:aa:1:ffff:ffff:ffff:fffe", ApiClientExtensions.UniqueEmail(), "whatever1");

        await ShouldBeRateLimitedAsync(limited);
    }

    [Fact]
    public async Task Login_AnotherIpv6Slash64_HasItsOwnBudget()
    {
        for (var i = 1; i <= 5; i++)
        {
            await LoginFromAsync($"2001:db8:aa:2::{i}", ApiClientExtensions.UniqueEmail(), "whatever1");
        }

        (await LoginFromAsync("2001:db8:aa:3::1", ApiClientExtensions.UniqueEmail(), "whatever1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_AnIpv4AddressMappedIntoIpv6_CountsAsThatIpv4Address()
    {
        for (var i = 0; i < 4; i++)
        {
            await LoginFromAsync("198.51.100.60", ApiClientExtensions.UniqueEmail(), "whatever1");
        }

        var limited = await LoginFromAsync("::ffff:198.51.100.60", ApiClientExtensions.UniqueEmail(), "whatever1");

        await ShouldBeRateLimitedAsync(limited);
    }

    [Fact]
    public async Task Login_ForgedXForwardedForFromAnUntrustedPeer_DoesNotResetTheLimit()
    {
        const string ip = "198.51.100.30";
        for (var i = 0; i < 4; i++)
        {
            await LoginFromAsync(ip, ApiClientExtensions.UniqueEmail(), "whatever1", forwardedFor: $"203.0.113.{i}");
        }

        var limited = await LoginFromAsync(ip, ApiClientExtensions.UniqueEmail(), "whatever1", forwardedFor: "203.0.113.99");

        await ShouldBeRateLimitedAsync(limited);
    }

    [Fact]
    public async Task Login_XForwardedForFromTheTrustedProxy_CountsPerForwardedClient()
    {
        for (var i = 0; i < 5; i++)
        {
            await LoginFromAsync(SmallLimitsApiFactory.TrustedProxy, ApiClientExtensions.UniqueEmail(), "whatever1", forwardedFor: "203.0.113.50");
        }

        var otherClient = await LoginFromAsync(SmallLimitsApiFactory.TrustedProxy, ApiClientExtensions.UniqueEmail(), "whatever1", forwardedFor: "203.0.113.51");

        otherClient.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Register_PerClientIp_ThePastTheLimitSignUpIs429()
    {
        const string ip = "198.51.100.40";
        for (var i = 0; i < 3; i++)
        {
            (await PostFromAsync(ip, "/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var limited = await PostFromAsync(ip, "/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword });

        await ShouldBeRateLimitedAsync(limited);
    }

    [Fact]
    public async Task Lockout_AfterTooManyFailuresForOneAccount_EvenTheRightPasswordGets429()
    {
        var email = ApiClientExtensions.UniqueEmail();
        (await PostFromAsync("198.51.100.50", "/api/auth/register", new { email, password = ApiClientExtensions.DefaultPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        for (var i = 0; i < 3; i++)
        {
            // Each failure from its own address: the per-IP limit stays out of the way.
            (await LoginFromAsync($"198.51.101.{i}", email, "wrong password")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var rightPassword = await LoginFromAsync("198.51.101.100", email, ApiClientExtensions.DefaultPassword);
        var wrongPassword = await LoginFromAsync("198.51.101.101", email, "wrong password");

        await ShouldBeRateLimitedAsync(rightPassword);
        await ShouldBeRateLimitedAsync(wrongPassword);
        var right = System.Text.Json.JsonDocument.Parse(await rightPassword.Content.ReadAsStringAsync()).RootElement;
        var wrong = System.Text.Json.JsonDocument.Parse(await wrongPassword.Content.ReadAsStringAsync()).RootElement;
        right.GetProperty("title").GetString().ShouldBe(wrong.GetProperty("title").GetString(), "the answer must not tell whether the password was right");
    }

    [Fact]
    public async Task Lockout_AppliesToEmailsWithoutAnAccountToo_SoItRevealsNothing()
    {
        var email = ApiClientExtensions.UniqueEmail("ghost");
        for (var i = 0; i < 3; i++)
        {
            await LoginFromAsync($"198.51.102.{i}", email, "wrong password");
        }

        await ShouldBeRateLimitedAsync(await LoginFromAsync("198.51.102.100", email, "wrong password"));
    }

    [Fact]
    public async Task Lockout_WrongCurrentPasswordsOnPasswordChange_LockTheAccountLikeFailedLogins()
    {
        var email = ApiClientExtensions.UniqueEmail();
        var registered = await (await PostFromAsync("198.51.100.70", "/api/auth/register", new { email, password = ApiClientExtensions.DefaultPassword }))
            .Content.ReadFromJsonAsync<AuthBody>();
        for (var i = 0; i < 3; i++)
        {
            var wrong = await _client.PostJsonAsync("/api/auth/password",
                new { currentPassword = "not my password", newPassword = "a brand new passphrase" }, registered!.Access);
            (await wrong.ReadProblemAsync()).Errors!.Keys.ShouldBe(["currentPassword"]);
        }

        var rightButLocked = await _client.PostJsonAsync("/api/auth/password",
            new { currentPassword = ApiClientExtensions.DefaultPassword, newPassword = "a brand new passphrase" }, registered!.Access);
        var login = await LoginFromAsync("198.51.103.1", email, ApiClientExtensions.DefaultPassword);

        await ShouldBeRateLimitedAsync(rightButLocked);
        await ShouldBeRateLimitedAsync(login);
        factory.Logs.Entries.Where(e => Equals(e.Values.GetValueOrDefault("UserId"), Guid.Parse(registered.User.Id)))
            .Select(e => e.EventId.Id).ShouldBe([3001, 3041, 3041, 3041, 3042]);
    }

    [Fact]
    public async Task Lockout_KeysAnEmailByAKeyedHmac_NotAPlainSha256AnyoneCanRecompute()
    {
        var email = ApiClientExtensions.UniqueEmail("keyed").ToLowerInvariant();
        var before = await ThrottleKeysAsync();

        await LoginFromAsync("198.51.100.80", email, "wrong password");

        var added = (await ThrottleKeysAsync()).Except(before, StringComparer.Ordinal).ToList();
        added.ShouldHaveSingleItem().ShouldNotBe(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email))));
    }

    [Fact]
    public async Task Lockout_WrongSecondFactorCodesCountLikeFailedLogins()
    {
        var account = await ClientFrom("198.51.103.100").RegisterWithTotpAsync(DateTimeOffset.UtcNow);
        var wrong = MfaClientExtensions.WrongCodeAt(account.Secret, DateTimeOffset.UtcNow);
        // Every check is counted before it is made (the lockout here is 3): the right password that gives
        // the token, then two wrong codes. With a second factor on, the right password clears nothing.
        var mfaToken = await StartMfaLoginFromAsync("198.51.103.1", account.Email);
        for (var i = 0; i < 2; i++)
        {
            var refused = await PostFromAsync($"198.51.103.{10 + i}", MfaClientExtensions.LoginMfaPath, new { mfaToken, code = wrong });
            (await refused.ReadProblemAsync()).Code.ShouldBe("invalid_mfa_code");
        }

        var rightCode = await PostFromAsync("198.51.103.20", MfaClientExtensions.LoginMfaPath,
            new { mfaToken, code = MfaClientExtensions.CodeAt(account.Secret, DateTimeOffset.UtcNow.AddSeconds(30)) });
        var rightPassword = await LoginFromAsync("198.51.103.21", account.Email, ApiClientExtensions.DefaultPassword);

        await ShouldBeRateLimitedAsync(rightCode);
        await ShouldBeRateLimitedAsync(rightPassword);
    }

    [Fact]
    public async Task Lockout_TheRightPasswordAloneDoesNotClearWrongCodes_SoNewTokensBuyNoMoreGuesses()
    {
        var account = await ClientFrom("198.51.104.100").RegisterWithTotpAsync(DateTimeOffset.UtcNow);
        var wrong = MfaClientExtensions.WrongCodeAt(account.Secret, DateTimeOffset.UtcNow);
        var firstToken = await StartMfaLoginFromAsync("198.51.104.0", account.Email);
        (await (await PostFromAsync("198.51.104.10", MfaClientExtensions.LoginMfaPath, new { mfaToken = firstToken, code = wrong }))
            .ReadProblemAsync()).Code.ShouldBe("invalid_mfa_code");

        // A fresh token, as an attacker who knows the password would get: its right password cleared nothing,
        // so the next guess is the fourth check and the lockout (3 here) refuses it.
        var freshToken = await StartMfaLoginFromAsync("198.51.104.1", account.Email);
        await ShouldBeRateLimitedAsync(await PostFromAsync("198.51.104.11", MfaClientExtensions.LoginMfaPath, new { mfaToken = freshToken, code = wrong }));
        await ShouldBeRateLimitedAsync(await LoginFromAsync("198.51.104.20", account.Email, ApiClientExtensions.DefaultPassword));
    }

    [Fact]
    public async Task Lockout_AWrongPasswordAtTotpSetUpCountsLikeAFailedLogin()
    {
        var client = ClientFrom("198.51.105.100");
        var registered = await client.RegisterAsync();
        for (var i = 0; i < 3; i++)
        {
            var refused = await client.PostJsonAsync(MfaClientExtensions.SetupPath, new { password = "not my password" }, registered.Access);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        await ShouldBeRateLimitedAsync(await client.PostJsonAsync(MfaClientExtensions.SetupPath, new { password = ApiClientExtensions.DefaultPassword }, registered.Access));
        await ShouldBeRateLimitedAsync(await LoginFromAsync("198.51.105.1", registered.User.Email, ApiClientExtensions.DefaultPassword));
    }

    [Fact]
    public async Task Refresh_PerSession_ThePastTheLimitRefreshIs429_AndTheTokenStaysUnspent()
    {
        var session = await _client.RegisterAsync();
        var refresh = session.Refresh;
        for (var i = 0; i < 3; i++)
        {
            var ok = await _client.RefreshAsync(refresh);
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
            refresh = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<TokenPairBody>(ok.Content))!.Refresh;
        }

        var limited = await _client.RefreshAsync(refresh);

        await ShouldBeRateLimitedAsync(limited);
        (await _client.GetMeAsync(session.Access)).StatusCode.ShouldBe(HttpStatusCode.OK, "a refused refresh is not a replay");
    }

    [Fact]
    public async Task Refresh_PerSession_IsCountedAcrossNodes()
    {
        await using var nodeB = new PeerNodeApiFactory(factory, SmallLimitsApiFactory.SmallLimits);
        await nodeB.InitializeAsync();
        var clientB = nodeB.CreateApiClient();
        var session = await _client.RegisterAsync();
        var refresh = session.Refresh;
        foreach (var client in new[] { _client, _client, clientB })
        {
            var ok = await client.RefreshAsync(refresh);
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
            refresh = (await ok.ReadTokenPairAsync()).Refresh;
        }

        var limited = await clientB.RefreshAsync(refresh);

        await ShouldBeRateLimitedAsync(limited);
    }

    [Fact]
    public async Task Refresh_PerSession_RetryAfterIsTheRestOfTheMinute()
    {
        var session = await _client.RegisterAsync();
        var refresh = session.Refresh;
        for (var i = 0; i < 3; i++)
        {
            refresh = (await (await _client.RefreshAsync(refresh)).ReadTokenPairAsync()).Refresh;
        }

        var limited = await _client.RefreshAsync(refresh);

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeInRange(1, 60);
    }

    [Fact]
    public async Task Health_IsNeverRateLimited()
    {
        for (var i = 0; i < 20; i++)
        {
            (await _client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private async Task<List<string>> ThrottleKeysAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT email_hash FROM login_throttles", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(Convert.ToHexString((byte[])reader[0]));
        }

        return keys;
    }

    private static async Task ShouldBeRateLimitedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        (await response.ReadProblemAsync()).Code.ShouldBe("rate_limited");
    }

    /// <summary>A client whose every request comes from <paramref name="ip"/>, so it spends only that address's budgets.</summary>
    private HttpClient ClientFrom(string ip)
    {
        var client = factory.CreateApiClient();
        client.DefaultRequestHeaders.Add(PeerAddressStartupFilter.Header, ip);
        return client;
    }

    private async Task<string> StartMfaLoginFromAsync(string ip, string email)
    {
        var response = await LoginFromAsync(ip, email, ApiClientExtensions.DefaultPassword);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<MfaRequiredBody>(response.Content))!.MfaToken;
    }

    private Task<HttpResponseMessage> LoginFromAsync(string ip, string email, string password, string? forwardedFor = null) =>
        PostFromAsync(ip, "/api/auth/login", new { email, password }, forwardedFor);

    private Task<HttpResponseMessage> PostFromAsync(string ip, string path, object body, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add(PeerAddressStartupFilter.Header, ip);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return _client.SendAsync(request);
    }

    public sealed class SmallLimitsApiFactory : ShopEaseApiFactory
    {
        public const string TrustedProxy = "10.9.8.7";

        public static IReadOnlyDictionary<string, string?> SmallLimits { get; } = new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:LoginPerIpPerMinute"] = "4",
            ["RateLimiting:RegisterPerIpPerHour"] = "3",
            ["RateLimiting:RefreshPerSessionPerMinute"] = "3",
            ["RateLimiting:LockoutFailures"] = "3",
            ["ForwardedHeaders:KnownProxies:0"] = TrustedProxy,
        };

        public RecordingLoggerProvider Logs { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(SmallLimits) { ["Logging:LogLevel:Default"] = "Information" };

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddTransient<IStartupFilter, PeerAddressStartupFilter>();
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
        }
    }
}
