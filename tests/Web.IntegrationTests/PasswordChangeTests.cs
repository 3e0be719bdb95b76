using System.Net;
using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class PasswordChangeTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private const string NewPassword = "a brand new passphrase";

    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task ChangePassword_Returns200WithAWorkingPairForTheSameSession()
    {
        var session = await _client.RegisterAsync();

        var response = await ChangeAsync(session.Access, ApiClientExtensions.DefaultPassword, NewPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pair = (await response.Content.ReadFromJsonAsync<TokenPairBody>())!;
        pair.TokenType.ShouldBe("Bearer");
        JwtPayload.Read(pair.Access)["sid"].GetString().ShouldBe(JwtPayload.Read(session.Access)["sid"].GetString());
        (await _client.GetMeAsync(pair.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.RefreshAsync(pair.Refresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_OnlyTheNewPasswordLogsIn()
    {
        var session = await _client.RegisterAsync();

        await ChangeAsync(session.Access, ApiClientExtensions.DefaultPassword, NewPassword);

        var old = await _client.PostJsonAsync("/api/auth/login", new { email = session.User.Email, password = ApiClientExtensions.DefaultPassword });
        old.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.LoginAsync(session.User.Email, NewPassword)).User.Id.ShouldBe(session.User.Id);
    }

    [Fact]
    public async Task ChangePassword_RevokesEveryOtherSessionAtOnce()
    {
        var current = await _client.RegisterAsync();
        var other = await _client.LoginAsync(current.User.Email);

        await ChangeAsync(current.Access, ApiClientExtensions.DefaultPassword, NewPassword);

        (await _client.GetMeAsync(other.Access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.RefreshAsync(other.Refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.GetMeAsync(current.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_TheOldRefreshTokenOfTheCurrentSessionIsSpent()
    {
        var current = await _client.RegisterAsync();

        await ChangeAsync(current.Access, ApiClientExtensions.DefaultPassword, NewPassword);

        (await _client.RefreshAsync(current.Refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_Returns400OnCurrentPassword()
    {
        var session = await _client.RegisterAsync();

        var response = await ChangeAsync(session.Access, "not my password", NewPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldBe(["currentPassword"]);
        (await _client.LoginAsync(session.User.Email)).User.Id.ShouldBe(session.User.Id);
    }

    [Fact]
    public async Task ChangePassword_NewPasswordBreaksSignUpRules_Returns400OnNewPassword()
    {
        var session = await _client.RegisterAsync();

        var response = await ChangeAsync(session.Access, ApiClientExtensions.DefaultPassword, "short");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["newPassword"]);
    }

    [Fact]
    public async Task ChangePassword_WithoutToken_Returns401()
    {
        var response = await _client.PostJsonAsync("/api/auth/password", new { currentPassword = "x", newPassword = NewPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private Task<HttpResponseMessage> ChangeAsync(string access, string currentPassword, string newPassword) =>
        _client.PostJsonAsync("/api/auth/password", new { currentPassword, newPassword }, access);
}
