using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// X-Token-Transport: cookie. The client handles cookies by hand here, so every test shows exactly
/// which cookie and header a browser would send.
/// </summary>
public sealed class BrowserModeTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private const string CookieName = "__Host-shopease-refresh";

    private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    private sealed record BrowserSession(string Access, string CsrfToken, string Cookie, JsonElement Body);

    [Fact]
    public async Task Register_InCookieMode_PutsTheRefreshTokenOnlyInAHostOnlyHttpOnlyCookie()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/auth/register",
            new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword }, cookieMode: true);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.TryGetProperty("refresh", out _).ShouldBeFalse();
        body.GetProperty("csrfToken").GetString().ShouldNotBeNullOrEmpty();
        body.GetProperty("access").GetString().ShouldNotBeNullOrEmpty();
        body.GetProperty("user").GetProperty("email").GetString().ShouldNotBeNullOrEmpty();
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CookieName, StringComparison.Ordinal));
        setCookie.ShouldStartWith($"{CookieName}=");
        var attributes = setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToArray();
        attributes.ShouldContain("httponly");
        attributes.ShouldContain("secure");
        attributes.ShouldContain("samesite=strict");
        attributes.ShouldContain("path=/");
        attributes.ShouldContain("max-age=86400");
        attributes.ShouldNotContain(a => a.StartsWith("domain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_InCookieMode_AlsoLeavesTheCsrfTokenInACookieThePageCanRead()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/auth/register",
            new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword }, cookieMode: true);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var csrfCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-shopease-csrf=", StringComparison.Ordinal));
        csrfCookie.ShouldStartWith($"__Host-shopease-csrf={body.GetProperty("csrfToken").GetString()};");
        csrfCookie.ToLowerInvariant().ShouldNotContain("httponly");
        csrfCookie.ToLowerInvariant().ShouldContain("samesite=strict");
    }

    [Fact]
    public async Task Logout_ByCookie_WithACookieOfAnotherSessionOfTheSameUser_RevokesNothing()
    {
        var email = ApiClientExtensions.UniqueEmail();
        await _client.RegisterAsync(email);
        var tabA = await StartAsync("/api/auth/login", new { email, password = ApiClientExtensions.DefaultPassword });
        var tabB = await StartAsync("/api/auth/login", new { email, password = ApiClientExtensions.DefaultPassword });

        var response = await SendAsync(HttpMethod.Post, "/api/auth/logout", body: null,
            cookieMode: true, cookie: tabB.Cookie, csrfToken: tabA.CsrfToken, bearer: tabA.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
        (await RefreshAsync(tabB.Cookie, tabB.CsrfToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RotatingTheHs256SigningKey_KeepsBrowserCsrfTokensValid()
    {
        var session = await RegisterAsync();
        using var rotated = new PeerNodeApiFactory(factory, new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Jwt:PreviousSigningKeys:0"] = factory.SigningKey,
        });
        var client = rotated.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token/refresh");
        request.Headers.Add("X-Token-Transport", "cookie");
        request.Headers.Add("Cookie", $"{CookieName}={session.Cookie}");
        request.Headers.Add("X-CSRF-Token", session.CsrfToken);

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_InCookieMode_AlsoSetsTheCookieAndReturnsACsrfToken()
    {
        var email = ApiClientExtensions.UniqueEmail();
        await _client.RegisterAsync(email);

        var session = await StartAsync("/api/auth/login", new { email, password = ApiClientExtensions.DefaultPassword });

        session.Cookie.ShouldNotBeEmpty();
        session.Body.TryGetProperty("refresh", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Refresh_ByCookieWithTheCsrfHeader_RotatesTheCookie()
    {
        var session = await RegisterAsync();

        var response = await RefreshAsync(session.Cookie, session.CsrfToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.TryGetProperty("refresh", out _).ShouldBeFalse();
        body.GetProperty("csrfToken").GetString().ShouldBe(session.CsrfToken);
        var newCookie = CookieValue(response);
        newCookie.ShouldNotBe(session.Cookie);
        (await _client.GetMeAsync(body.GetProperty("access").GetString())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RefreshAsync(newCookie, session.CsrfToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TwoTabs_TheOneRefreshingAfterTheOtherWithTheOldCookie_Gets401_ThenRetriesWithTheNewCookie_AndStaysSignedIn()
    {
        var session = await RegisterAsync();
        var tabA = await RefreshAsync(session.Cookie, session.CsrfToken);
        tabA.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sharedCookie = CookieValue(tabA);

        var tabB = await RefreshAsync(session.Cookie, session.CsrfToken);
        var tabBRetry = await RefreshAsync(sharedCookie, session.CsrfToken);

        tabB.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await tabB.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
        tabBRetry.StatusCode.ShouldBe(HttpStatusCode.OK, "the losing tab retries with the cookie the winner set");
        var access = (await tabBRetry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access").GetString();
        (await _client.GetMeAsync(access)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TwoTabs_RefreshingAtTheSameMoment_OneWins_TheOtherRetriesWithTheNewCookie_AndTheSessionLives()
    {
        var session = await RegisterAsync();

        var tabs = await Task.WhenAll(RefreshAsync(session.Cookie, session.CsrfToken), RefreshAsync(session.Cookie, session.CsrfToken));

        tabs.Count(t => t.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        tabs.Count(t => t.StatusCode == HttpStatusCode.Unauthorized).ShouldBe(1);
        var retry = await RefreshAsync(CookieValue(tabs.Single(t => t.StatusCode == HttpStatusCode.OK)), session.CsrfToken);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PasswordChange_InCookieMode_PutsTheNewRefreshTokenInTheCookie_NotTheBody()
    {
        var session = await RegisterAsync();

        var response = await SendAsync(HttpMethod.Post, "/api/auth/password",
            new { currentPassword = ApiClientExtensions.DefaultPassword, newPassword = "a brand new passphrase" },
            cookieMode: true, bearer: session.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.TryGetProperty("refresh", out _).ShouldBeFalse();
        body.GetProperty("csrfToken").GetString().ShouldBe(session.CsrfToken);
        var newCookie = CookieValue(response);
        newCookie.ShouldNotBe(session.Cookie);
        (await RefreshAsync(newCookie, session.CsrfToken)).StatusCode.ShouldBe(HttpStatusCode.OK, "the cookie holds the session's live token");
        (await _client.GetMeAsync(body.GetProperty("access").GetString())).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_ByCookieWithoutTheCsrfHeader_Is403AndSpendsNothing()
    {
        var session = await RegisterAsync();

        var response = await RefreshAsync(session.Cookie, csrfToken: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadProblemAsync()).Code.ShouldBe("csrf_failed");
        (await RefreshAsync(session.Cookie, session.CsrfToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("not-a-csrf-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Refresh_ByCookieWithAForgedCsrfToken_Is403(string csrfToken)
    {
        var session = await RegisterAsync();

        var response = await RefreshAsync(session.Cookie, csrfToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadProblemAsync()).Code.ShouldBe("csrf_failed");
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData(".")]
    [InlineData("a.")]
    [InlineData("@@@@@@@@@@@@@@@@@@@@@@.!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA.A")]
    public async Task Refresh_ByCookieWithAMalformedCsrfToken_Is403AndSpendsNothing(string csrfToken)
    {
        var session = await RegisterAsync();

        var response = await RefreshAsync(session.Cookie, csrfToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadProblemAsync()).Code.ShouldBe("csrf_failed");
        (await RefreshAsync(session.Cookie, session.CsrfToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_ByCookieWithItsCsrfTokenEndingInGarbage_Is403AndSpendsNothing()
    {
        var session = await RegisterAsync();

        var response = await RefreshAsync(session.Cookie, session.CsrfToken[..^2] + "xx");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadProblemAsync()).Code.ShouldBe("csrf_failed");
        (await RefreshAsync(session.Cookie, session.CsrfToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_WithTheCsrfTokenOfAnotherSession_Is403AndSpendsNothing()
    {
        var victim = await RegisterAsync();
        var attacker = await RegisterAsync();

        var response = await RefreshAsync(victim.Cookie, attacker.CsrfToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadProblemAsync()).Code.ShouldBe("csrf_failed");
        (await RefreshAsync(victim.Cookie, victim.CsrfToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_InCookieModeWithARefreshFieldToo_Is400()
    {
        var session = await RegisterAsync();

        var response = await SendAsync(HttpMethod.Post, "/api/auth/token/refresh", new { refresh = session.Cookie },
            cookieMode: true, cookie: session.Cookie, csrfToken: session.CsrfToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["refresh"]);
    }

    [Fact]
    public async Task Refresh_InJsonModeWithTheCookieToo_Is400()
    {
        var mobile = await _client.RegisterAsync();
        var browser = await RegisterAsync();

        var response = await SendAsync(HttpMethod.Post, "/api/auth/token/refresh", new { refresh = mobile.Refresh },
            cookieMode: false, cookie: browser.Cookie);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.ShouldBe("validation_failed");
    }

    [Fact]
    public async Task Logout_ByCookieWithTheCsrfHeader_Returns205ClearsTheCookieAndRevokes()
    {
        var session = await RegisterAsync();

        var response = await SendAsync(HttpMethod.Post, "/api/auth/logout", body: null,
            cookieMode: true, cookie: session.Cookie, csrfToken: session.CsrfToken, bearer: session.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.ResetContent);
        var cleared = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CookieName, StringComparison.Ordinal)).ToLowerInvariant();
        cleared.ShouldStartWith($"{CookieName.ToLowerInvariant()}=;");
        cleared.ShouldContain("max-age=0");
        (await RefreshAsync(session.Cookie, session.CsrfToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.GetMeAsync(session.Access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_ByCookieWithoutTheCsrfHeader_Is403AndTheSessionLives()
    {
        var session = await RegisterAsync();

        var response = await SendAsync(HttpMethod.Post, "/api/auth/logout", body: null,
            cookieMode: true, cookie: session.Cookie, bearer: session.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadProblemAsync()).Code.ShouldBe("csrf_failed");
        (await _client.GetMeAsync(session.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_ByCookieWithTheCsrfTokenOfAnotherSession_Is403()
    {
        var session = await RegisterAsync();
        var other = await RegisterAsync();

        var response = await SendAsync(HttpMethod.Post, "/api/auth/logout", body: null,
            cookieMode: true, cookie: session.Cookie, csrfToken: other.CsrfToken, bearer: session.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private Task<BrowserSession> RegisterAsync() =>
        StartAsync("/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword });

    private async Task<BrowserSession> StartAsync(string path, object body)
    {
        var response = await SendAsync(HttpMethod.Post, path, body, cookieMode: true);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new BrowserSession(json.GetProperty("access").GetString()!, json.GetProperty("csrfToken").GetString()!, CookieValue(response), json);
    }

    private Task<HttpResponseMessage> RefreshAsync(string cookie, string? csrfToken) =>
        SendAsync(HttpMethod.Post, "/api/auth/token/refresh", body: null, cookieMode: true, cookie: cookie, csrfToken: csrfToken);

    private static string CookieValue(HttpResponseMessage response)
    {
        var header = response.Headers.GetValues("Set-Cookie").Single(h => h.StartsWith(CookieName, StringComparison.Ordinal));
        return header[(CookieName.Length + 1)..header.IndexOf(';', StringComparison.Ordinal)];
    }

    private Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, object? body, bool cookieMode, string? cookie = null, string? csrfToken = null, string? bearer = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (cookieMode)
        {
            request.Headers.Add("X-Token-Transport", "cookie");
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{CookieName}={cookie}");
        }

        if (csrfToken is not null)
        {
            request.Headers.Add("X-CSRF-Token", csrfToken);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        return _client.SendAsync(request);
    }
}
