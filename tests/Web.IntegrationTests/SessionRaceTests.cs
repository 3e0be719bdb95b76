using System.Net;
using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// A login, a refresh or a logout-all that overlaps a password change or a logout-all. Locks the test holds
/// in PostgreSQL stop one request at the worst moment, and the other is let run, so each race is run in its
/// bad order every time rather than once in a while.
/// </summary>
public sealed class SessionRaceTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private const string NewPassword = "a brand new passphrase";
    private const string HeldUserAgent = "held-at-session-start";
    private const long SessionStartGate = 4242;

    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task ALoginThatCheckedTheOldPassword_WhileThePasswordChanges_LeavesNoLiveSession()
    {
        var user = await _client.RegisterAsync();
        await HoldSessionStartsAsync();
        var gate = await DatabaseLocks.HoldAsync(factory.ConnectionString, "SELECT pg_advisory_xact_lock(@key)", ("key", SessionStartGate));

        // The login checks the old password, then stops where it inserts its session.
        var login = SendAsync(HttpMethod.Post, "/api/auth/login", new { email = user.User.Email, password = ApiClientExtensions.DefaultPassword }, userAgent: HeldUserAgent);
        await DatabaseLocks.WaitForWaitersAsync(factory.ConnectionString, 1);
        var change = _client.PostJsonAsync("/api/auth/password", new { currentPassword = ApiClientExtensions.DefaultPassword, newPassword = NewPassword }, user.Access);
        await DatabaseLocks.WaitForWaitersAsync(factory.ConnectionString, 2, orElse: change);
        await gate.DisposeAsync();

        (await change).StatusCode.ShouldBe(HttpStatusCode.OK);
        var loggedIn = await login;
        if (loggedIn.StatusCode == HttpStatusCode.OK)
        {
            var session = (await loggedIn.Content.ReadFromJsonAsync<AuthBody>())!;
            (await _client.GetMeAsync(session.Access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the password change must end it");
            (await _client.RefreshAsync(session.Refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        else
        {
            loggedIn.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task ARefreshCommittingWhileThePasswordChanges_LeavesNoLiveTokenInTheResetSession()
    {
        var user = await _client.RegisterAsync();
        var tokens = await HoldSessionTokensAsync(user.Access);

        // The rotation takes its session's row, then stops at the token the test holds.
        var refresh = _client.RefreshAsync(user.Refresh);
        await DatabaseLocks.WaitForWaitersAsync(factory.ConnectionString, 1);
        var change = _client.PostJsonAsync("/api/auth/password", new { currentPassword = ApiClientExtensions.DefaultPassword, newPassword = NewPassword }, user.Access);
        await DatabaseLocks.WaitForWaitersAsync(factory.ConnectionString, 2, orElse: change);
        await tokens.DisposeAsync();

        var rotated = await (await refresh).ReadTokenPairAsync();
        var changed = await (await change).ReadTokenPairAsync();
        (await _client.RefreshAsync(rotated.Refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the password change must spend the successor too");
        (await _client.RefreshAsync(changed.Refresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ARefreshCommittingWhileEverySessionIsLoggedOut_LeavesTheSessionRevoked()
    {
        var user = await _client.RegisterAsync();
        var tokens = await HoldSessionTokensAsync(user.Access);

        var refresh = _client.RefreshAsync(user.Refresh);
        await DatabaseLocks.WaitForWaitersAsync(factory.ConnectionString, 1);
        var logoutAll = _client.PostJsonAsync("/api/auth/logout-all", new { }, user.Access);
        await DatabaseLocks.WaitForWaitersAsync(factory.ConnectionString, 2, orElse: logoutAll);
        await tokens.DisposeAsync();

        (await logoutAll).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var rotated = await (await refresh).ReadTokenPairAsync();
        (await _client.RefreshAsync(rotated.Refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.GetMeAsync(rotated.Access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>Holds every refresh token row of the access token's session, so a rotation waits at its token.</summary>
    private Task<DatabaseLocks> HoldSessionTokensAsync(string access) =>
        DatabaseLocks.HoldAsync(factory.ConnectionString, "SELECT 1 FROM refresh_tokens WHERE session_id = @id FOR UPDATE",
            ("id", Guid.Parse(JwtPayload.Read(access)["sid"].GetString()!)));

    /// <summary>A session whose user agent says so waits, as it is inserted, for the test's advisory lock.</summary>
    private Task HoldSessionStartsAsync() =>
        DatabaseLocks.ExecuteAsync(factory.ConnectionString, $$"""
            CREATE OR REPLACE FUNCTION test_hold_session_start() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                PERFORM pg_advisory_xact_lock_shared({{SessionStartGate}});
                RETURN NEW;
            END $fn$;
            CREATE OR REPLACE TRIGGER test_hold_session_start BEFORE INSERT ON sessions FOR EACH ROW
                WHEN (NEW.user_agent = '{{HeldUserAgent}}') EXECUTE FUNCTION test_hold_session_start();
            """);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object body, string userAgent)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.UserAgent.ParseAdd(userAgent);
        return _client.SendAsync(request);
    }
}
