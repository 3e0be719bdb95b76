using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class LoginTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Login_WithRightPassword_Returns200WithTokensAndUser()
    {
        var registered = await _client.RegisterAsync();

        var response = await _client.PostJsonAsync("/api/auth/login", new { email = registered.User.Email, password = ApiClientExtensions.DefaultPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (await response.Content.ReadFromJsonAsync<AuthBody>())!;
        body.User.ShouldBe(registered.User);
        body.TokenType.ShouldBe("Bearer");
        body.ExpiresIn.ShouldBe(3600);
        (await _client.GetMeAsync(body.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_EmailInOtherCaseWithSpaces_FindsTheAccount()
    {
        var registered = await _client.RegisterAsync();

        var body = await _client.LoginAsync($"  {registered.User.Email.ToUpperInvariant()} ");

        body.User.Id.ShouldBe(registered.User.Id);
    }

    [Fact]
    public async Task Login_UnknownEmailWrongPasswordAndInactiveAccount_GetTheSameAnswer()
    {
        var active = await _client.RegisterAsync();
        var inactive = await _client.RegisterAsync();
        await factory.WithDbContextAsync(db => db.Users.Where(u => u.Email == inactive.User.Email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));

        var unknown = await _client.PostJsonAsync("/api/auth/login", new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword });
        var wrong = await _client.PostJsonAsync("/api/auth/login", new { email = active.User.Email, password = "not the password" });
        var deactivated = await _client.PostJsonAsync("/api/auth/login", new { email = inactive.User.Email, password = ApiClientExtensions.DefaultPassword });

        foreach (var response in new[] { unknown, wrong, deactivated })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            var problem = await response.ReadProblemAsync();
            problem.Code.ShouldBe("invalid_credentials");
            problem.Title.ShouldBe("The email or password is not correct.");
            problem.Errors.ShouldBeNull();
        }
    }

    [Theory]
    [InlineData("{\"password\":\"correct horse\"}", "email")]
    [InlineData("{\"email\":\"ann@shop.io\"}", "password")]
    [InlineData("{\"email\":\"\",\"password\":\"\"}", "email")]
    public async Task Login_MissingField_Returns400NamingIt(string json, string field)
    {
        var response = await _client.PostRawAsync("/api/auth/login", json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.ShouldContainKey(field);
    }
}
