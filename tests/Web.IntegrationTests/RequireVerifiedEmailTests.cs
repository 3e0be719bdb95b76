using System.Net;
using System.Text.Json;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary><c>Accounts:RequireVerifiedEmail=true</c>: no tokens until the address is proven.</summary>
public sealed class RequireVerifiedEmailTests(RequireVerifiedEmailTests.VerifiedOnlyApiFactory factory)
    : IClassFixture<RequireVerifiedEmailTests.VerifiedOnlyApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task SignUp_Answers201WithTheUser_AndNoTokens()
    {
        var email = ApiClientExtensions.UniqueEmail();

        var response = await _client.PostJsonAsync("/api/auth/register", new { email, password = ApiClientExtensions.DefaultPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["user"]);
        body.GetProperty("user").GetProperty("email").GetString().ShouldBe(email);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task SignUpInBrowserMode_SetsNoCookie()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/register")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword }),
        };
        request.Headers.Add("X-Token-Transport", "cookie");

        var response = await _client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("access");
    }

    [Fact]
    public async Task Login_BeforeVerifying_Is403EmailNotVerified()
    {
        var email = await SignUpAsync();

        var response = await _client.PostJsonAsync("/api/auth/login", new { email, password = ApiClientExtensions.DefaultPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ReadProblemAsync()).Code.ShouldBe("email_not_verified");
    }

    [Fact]
    public async Task Login_BeforeVerifying_WithAWrongPassword_Is401_SoItRevealsNothing()
    {
        var email = await SignUpAsync();

        var response = await _client.PostJsonAsync("/api/auth/login", new { email, password = "not the password" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("invalid_credentials");
    }

    [Fact]
    public async Task Login_AfterFollowingTheVerificationLink_Works()
    {
        var email = await SignUpAsync();
        var token = MailLinks.Token(await factory.Smtp.WaitForMailAsync(email), MailLinks.VerifyEmail);
        (await _client.VerifyEmailAsync(token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var login = await _client.LoginAsync(email);

        login.Access.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task APasswordReset_ProvesTheAddressToo_SoALostVerificationMailLocksNobodyOut()
    {
        var email = await SignUpAsync();
        await _client.ForgotPasswordAsync(email);
        var token = MailLinks.Token(
            await factory.Smtp.WaitForMailAsync(email, m => m.Subject == "Reset your ShopEase password"), MailLinks.ResetPassword);
        (await _client.ResetPasswordAsync(token, "a brand new passphrase")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var login = await _client.LoginAsync(email, "a brand new passphrase");

        login.Access.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task RefusedLogin_IsAudited_ByEmailFingerprint()
    {
        var email = await SignUpAsync();

        await _client.PostJsonAsync("/api/auth/login", new { email, password = ApiClientExtensions.DefaultPassword });

        var entry = factory.Logs.Entries.Last(e => e.EventId.Id == 3019);
        ((string)entry.Values["EmailHash"]!).Length.ShouldBe(16);
        entry.Message.ShouldNotContain(email);
    }

    private async Task<string> SignUpAsync()
    {
        var email = ApiClientExtensions.UniqueEmail();
        (await _client.PostJsonAsync("/api/auth/register", new { email, password = ApiClientExtensions.DefaultPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        return email;
    }

    public sealed class VerifiedOnlyApiFactory : EmailApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
        {
            ["Accounts:RequireVerifiedEmail"] = "true",
        };
    }
}
