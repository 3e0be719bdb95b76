using System.Net;
using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class SessionsTests(ImmediateReuseDetectionApiFactory factory) : IClassFixture<ImmediateReuseDetectionApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task ListSessions_ShowsEveryLiveSessionAndMarksTheCurrentOne()
    {
        var first = await _client.RegisterAsync();
        var second = await _client.LoginAsync(first.User.Email);

        var sessions = await ListAsync(second.Access);

        sessions.Length.ShouldBe(2);
        sessions.Single(s => s.Current).Id.ShouldBe(SessionIdOf(second.Access));
        sessions.Single(s => !s.Current).Id.ShouldBe(SessionIdOf(first.Access));
        sessions.ShouldAllBe(s => s.CreatedAt.EndsWith('Z') && s.LastUsedAt.EndsWith('Z'));
    }

    [Fact]
    public async Task ListSessions_RecordsUserAgent()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register")
        {
            Content = JsonContent.Create(new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword }),
        };
        request.Headers.UserAgent.ParseAdd("ShopEaseTests/1.0");
        var registered = (await (await _client.SendAsync(request)).Content.ReadFromJsonAsync<AuthBody>())!;

        var sessions = await ListAsync(registered.Access);

        sessions.Single().UserAgent.ShouldBe("ShopEaseTests/1.0");
    }

    [Fact]
    public async Task Register_WithAUserAgentWhoseCutWouldSplitASurrogatePair_StoresItCutBeforeThePair()
    {
        var userAgent = new string('a', 511) + "\U0001F600";

        var registered = await RegisterWithUserAgentAsync(userAgent);

        (await ListAsync(registered.Access)).Single().UserAgent.ShouldBe(new string('a', 511));
    }

    [Fact]
    public async Task Register_WithControlCharactersAndALoneSurrogateInTheUserAgent_StoresThemReplaced()
    {
        var registered = await RegisterWithUserAgentAsync("Agent\u0000/1.0 \uD800x");

        (await ListAsync(registered.Access)).Single().UserAgent.ShouldBe("Agent\uFFFD/1.0 \uFFFDx");
    }

    [Fact]
    public async Task ListSessions_LastUsedAtMovesOnRefresh()
    {
        var registered = await _client.RegisterAsync();
        var before = (await ListAsync(registered.Access)).Single().LastUsedAt;
        await Task.Delay(1100);

        var pair = (await (await _client.RefreshAsync(registered.Refresh)).Content.ReadFromJsonAsync<TokenPairBody>())!;

        var after = (await ListAsync(pair.Access)).Single().LastUsedAt;
        DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(DateTimeOffset.Parse(before, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task DeleteSession_RevokesIt_ItsTokensAreRefusedAtOnce()
    {
        var phone = await _client.RegisterAsync();
        var laptop = await _client.LoginAsync(phone.User.Email);

        var response = await _client.SendAsync(Delete($"/api/auth/sessions/{SessionIdOf(phone.Access)}", laptop.Access));

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.GetMeAsync(phone.Access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.RefreshAsync(phone.Refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.GetMeAsync(laptop.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ListAsync(laptop.Access)).Select(s => s.Id).ShouldBe([SessionIdOf(laptop.Access)]);
    }

    [Fact]
    public async Task DeleteSession_OfAnotherUser_Returns404AndLeavesItAlive()
    {
        var caller = await _client.RegisterAsync();
        var victim = await _client.RegisterAsync();

        var response = await _client.SendAsync(Delete($"/api/auth/sessions/{SessionIdOf(victim.Access)}", caller.Access));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Code.ShouldBe("not_found");
        (await _client.GetMeAsync(victim.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("6f1c2a52-0000-0000-0000-000000000000")]
    [InlineData("not-a-guid")]
    public async Task DeleteSession_Unknown_Returns404(string id)
    {
        var caller = await _client.RegisterAsync();

        var response = await _client.SendAsync(Delete($"/api/auth/sessions/{id}", caller.Access));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task LogoutAll_Returns204AndEndsEverySession()
    {
        var first = await _client.RegisterAsync();
        var second = await _client.LoginAsync(first.User.Email);

        var response = await _client.PostJsonAsync("/api/auth/logout-all", new { }, second.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        foreach (var session in new[] { first, second })
        {
            (await _client.GetMeAsync(session.Access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await _client.RefreshAsync(session.Refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task LogoutAll_LeavesOtherUsersAlone()
    {
        var caller = await _client.RegisterAsync();
        var other = await _client.RegisterAsync();

        await _client.PostJsonAsync("/api/auth/logout-all", new { }, caller.Access);

        (await _client.GetMeAsync(other.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RefreshTokenReplay_KillsTheSessionsAccessTokensAtOnce()
    {
        var registered = await _client.RegisterAsync();
        var rotated = (await (await _client.RefreshAsync(registered.Refresh)).Content.ReadFromJsonAsync<TokenPairBody>())!;

        await _client.RefreshAsync(registered.Refresh);

        (await _client.GetMeAsync(rotated.Access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.GetMeAsync(registered.Access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SessionRoutes_WithoutToken_Return401()
    {
        (await _client.GetAsync("/api/auth/sessions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.PostJsonAsync("/api/auth/logout-all", new { })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.DeleteAsync($"/api/auth/sessions/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<AuthBody> RegisterWithUserAgentAsync(string userAgent)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register")
        {
            Content = JsonContent.Create(new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword }),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent).ShouldBeTrue();
        var response = await _client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AuthBody>())!;
    }

    private static string SessionIdOf(string access) => JwtPayload.Read(access)["sid"].GetString()!;

    private static HttpRequestMessage Delete(string path, string bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.Authorization = new("Bearer", bearer);
        return request;
    }

    private async Task<SessionBody[]> ListAsync(string access)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/sessions");
        request.Headers.Authorization = new("Bearer", access);
        var response = await _client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<SessionBody[]>())!;
    }
}
