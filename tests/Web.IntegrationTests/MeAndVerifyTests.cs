using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class MeAndVerifyTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Me_WithAccessToken_ReturnsTheAccount()
    {
        var registered = await _client.RegisterAsync();

        var response = await _client.GetMeAsync(registered.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = (await response.Content.ReadFromJsonAsync<MeBody>())!;
        me.ShouldBe(new MeBody(registered.User.Id, registered.User.Email, true, false, registered.User.DateJoined));
    }

    [Fact]
    public async Task Me_WithoutToken_Returns401NotAuthenticatedWithBearerChallenge()
    {
        var response = await _client.GetMeAsync(null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        (await response.ReadProblemAsync()).Code.ShouldBe("not_authenticated");
    }

    [Fact]
    public async Task Me_WithBadToken_Returns401TokenNotValidWithInvalidTokenChallenge()
    {
        var response = await _client.GetMeAsync("not.a.token");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"invalid_token\"");
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task Me_WithTokenInQueryString_IsNotAuthenticated()
    {
        var registered = await _client.RegisterAsync();

        var response = await _client.GetAsync($"/api/auth/me?access_token={registered.Access}");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("not_authenticated");
    }

    [Fact]
    public async Task Me_ForDeactivatedAccount_Returns401TokenNotValid()
    {
        var registered = await _client.RegisterAsync();
        await factory.WithDbContextAsync(db => db.Users.Where(u => u.Email == registered.User.Email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));

        var response = await _client.GetMeAsync(registered.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"invalid_token\"");
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task Verify_ValidAccessToken_Returns200EmptyObject()
    {
        var registered = await _client.RegisterAsync();

        var response = await _client.PostJsonAsync("/api/auth/token/verify", new { token = registered.Access });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("{}");
    }

    [Fact]
    public async Task Verify_RefreshToken_Returns401()
    {
        var registered = await _client.RegisterAsync();

        var response = await _client.PostJsonAsync("/api/auth/token/verify", new { token = registered.Refresh });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task Verify_Garbage_Returns401()
    {
        var response = await _client.PostJsonAsync("/api/auth/token/verify", new { token = "eyJ.garbage.here" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task Verify_MissingToken_Returns400OnToken()
    {
        var response = await _client.PostJsonAsync("/api/auth/token/verify", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["token"]);
    }
}
