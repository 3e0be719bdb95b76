using System.Net;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class LogoutTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Logout_WithOwnRefreshToken_Returns205WithNoBody()
    {
        var session = await _client.RegisterAsync();

        var response = await _client.PostJsonAsync("/api/auth/logout", new { refresh = session.Refresh }, session.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.ResetContent);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Logout_RevokesTheSession_ItsRefreshTokenNoLongerWorks()
    {
        var session = await _client.RegisterAsync();

        await _client.PostJsonAsync("/api/auth/logout", new { refresh = session.Refresh }, session.Access);

        (await _client.RefreshAsync(session.Refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_ItsAccessTokenIsRefusedOnTheNextRequest()
    {
        var session = await _client.RegisterAsync();

        await _client.PostJsonAsync("/api/auth/logout", new { refresh = session.Refresh }, session.Access);

        var me = await _client.GetMeAsync(session.Access);
        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await me.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task Logout_OfAnAlreadyRevokedSession_FromAnotherLiveSession_Returns400TokenNotValid()
    {
        var phone = await _client.RegisterAsync();
        var laptop = await _client.LoginAsync(phone.User.Email);
        await _client.PostJsonAsync("/api/auth/logout", new { refresh = phone.Refresh }, laptop.Access);

        var again = await _client.PostJsonAsync("/api/auth/logout", new { refresh = phone.Refresh }, laptop.Access);

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
        (await _client.GetMeAsync(laptop.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_WithAnotherUsersRefreshToken_Returns400AndLeavesItAlive()
    {
        var caller = await _client.RegisterAsync();
        var victim = await _client.RegisterAsync();

        var response = await _client.PostJsonAsync("/api/auth/logout", new { refresh = victim.Refresh }, caller.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
        (await _client.RefreshAsync(victim.Refresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_WithGarbageRefreshToken_Returns400TokenNotValid()
    {
        var session = await _client.RegisterAsync();

        var response = await _client.PostJsonAsync("/api/auth/logout", new { refresh = "garbage" }, session.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task Logout_WithoutRefreshField_Returns400ValidationFailed()
    {
        var session = await _client.RegisterAsync();

        var response = await _client.PostJsonAsync("/api/auth/logout", new { }, session.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldBe(["refresh"]);
    }

    [Fact]
    public async Task Logout_WithoutAccessToken_Returns401NotAuthenticated()
    {
        var session = await _client.RegisterAsync();

        var response = await _client.PostJsonAsync("/api/auth/logout", new { refresh = session.Refresh });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        (await response.ReadProblemAsync()).Code.ShouldBe("not_authenticated");
        (await _client.RefreshAsync(session.Refresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_WithRefreshTokenAsBearer_Returns401()
    {
        var session = await _client.RegisterAsync();

        var response = await _client.PostJsonAsync("/api/auth/logout", new { refresh = session.Refresh }, session.Refresh);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }
}
