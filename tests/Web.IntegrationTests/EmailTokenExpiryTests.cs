using System.Net;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>Mailed links live 24 hours (verification) and 30 minutes (reset), on the app's clock.</summary>
public sealed class EmailTokenExpiryTests(FakeClockEmailApiFactory factory) : IClassFixture<FakeClockEmailApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task VerificationLink_WorksJustBefore24Hours()
    {
        var token = await VerificationTokenAsync();
        factory.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(5));

        (await _client.VerifyEmailAsync(token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task VerificationLink_After24Hours_IsRefused()
    {
        var token = await VerificationTokenAsync();
        factory.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        var response = await _client.VerifyEmailAsync(token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task ResetLink_WorksJustBefore30Minutes()
    {
        var token = await ResetTokenAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(5));

        (await _client.ResetPasswordAsync(token, "a brand new passphrase")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task ResetLink_After30Minutes_IsRefused()
    {
        var token = await ResetTokenAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));

        var response = await _client.ResetPasswordAsync(token, "a brand new passphrase");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    private async Task<string> VerificationTokenAsync()
    {
        var registered = await _client.RegisterAsync();
        return MailLinks.Token(await factory.Smtp.WaitForMailAsync(registered.User.Email), MailLinks.VerifyEmail);
    }

    private async Task<string> ResetTokenAsync()
    {
        var registered = await _client.RegisterAsync();
        await _client.ForgotPasswordAsync(registered.User.Email);
        return MailLinks.Token(
            await factory.Smtp.WaitForMailAsync(registered.User.Email, m => m.Subject == "Reset your ShopEase password"), MailLinks.ResetPassword);
    }
}
