using System.Net;
using Microsoft.EntityFrameworkCore;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>Forgot password over real SMTP: the mailed link sets a new password and ends every session.</summary>
public sealed class PasswordResetTests(EmailApiFactory factory) : IClassFixture<EmailApiFactory>
{
    private const string NewPassword = "a brand new passphrase";

    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Forgot_RealAccount_MailsAResetLink_ThatSetsTheNewPassword()
    {
        var registered = await _client.RegisterAsync();

        await (await _client.ForgotPasswordAsync(registered.User.Email)).ShouldBeAcceptedAsync();
        var token = await ResetTokenAsync(registered.User.Email);
        var reset = await _client.ResetPasswordAsync(token, NewPassword);

        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.LoginAsync(registered.User.Email, NewPassword)).Access.ShouldNotBeNullOrEmpty();
        (await _client.PostJsonAsync("/api/auth/login", new { email = registered.User.Email, password = ApiClientExtensions.DefaultPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ResetMail_HasALinkInBothBodies_AndTheTokenNowhereElse()
    {
        var registered = await _client.RegisterAsync();
        await _client.ForgotPasswordAsync(registered.User.Email);

        var mail = await factory.Smtp.WaitForMailAsync(registered.User.Email, IsReset);
        var token = MailLinks.Token(mail, MailLinks.ResetPassword);
        var link = $"{EmailApiFactory.LinkBaseUrl}/reset-password?token={token}";

        mail.HtmlBody!.ShouldContain($"href=\"{link}\"");
        mail.Subject!.ShouldNotContain(token);
        mail.TextBody!.Replace(link, string.Empty, StringComparison.Ordinal).ShouldNotContain(token);
        mail.HtmlBody!.Replace($"href=\"{link}\"", string.Empty, StringComparison.Ordinal).ShouldNotContain(token);
    }

    [Fact]
    public async Task Reset_RevokesEverySession_OldAccessAndRefreshTokensRefusedAtOnce()
    {
        var registered = await _client.RegisterAsync();
        var phone = await _client.LoginAsync(registered.User.Email);
        await _client.ForgotPasswordAsync(registered.User.Email);
        var token = await ResetTokenAsync(registered.User.Email);

        (await _client.ResetPasswordAsync(token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await _client.GetMeAsync(registered.Access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.GetMeAsync(phone.Access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.RefreshAsync(phone.Refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ResetToken_WorksOnce()
    {
        var registered = await _client.RegisterAsync();
        await _client.ForgotPasswordAsync(registered.User.Email);
        var token = await ResetTokenAsync(registered.User.Email);
        (await _client.ResetPasswordAsync(token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var again = await _client.ResetPasswordAsync(token, "yet another passphrase");

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task ConcurrentResets_WithOneToken_ExactlyOneWins()
    {
        var registered = await _client.RegisterAsync();
        await _client.ForgotPasswordAsync(registered.User.Email);
        var token = await ResetTokenAsync(registered.User.Email);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(i => factory.CreateApiClient().ResetPasswordAsync(token, $"{NewPassword} number {i}")));

        answers.Count(a => a.StatusCode == HttpStatusCode.NoContent).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest).ShouldBe(5);
    }

    [Fact]
    public async Task NewerResetRequest_VoidsTheOlderLink()
    {
        var registered = await _client.RegisterAsync();
        await _client.ForgotPasswordAsync(registered.User.Email);
        var older = await ResetTokenAsync(registered.User.Email);
        await _client.ForgotPasswordAsync(registered.User.Email);
        var newer = MailLinks.Token(
            await factory.Smtp.WaitForMailAsync(registered.User.Email, m => IsReset(m) && MailLinks.Token(m, MailLinks.ResetPassword) != older),
            MailLinks.ResetPassword);

        var withOlder = await _client.ResetPasswordAsync(older, NewPassword);
        var withNewer = await _client.ResetPasswordAsync(newer, NewPassword);

        (await withOlder.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
        withNewer.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task PasswordChange_VoidsAnEarlierResetLink()
    {
        var registered = await _client.RegisterAsync();
        await _client.ForgotPasswordAsync(registered.User.Email);
        var token = await ResetTokenAsync(registered.User.Email);
        (await _client.PostJsonAsync("/api/auth/password",
            new { currentPassword = ApiClientExtensions.DefaultPassword, newPassword = NewPassword }, registered.Access))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var reset = await _client.ResetPasswordAsync(token, "an attacker's passphrase");

        (await reset.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
        (await _client.LoginAsync(registered.User.Email, NewPassword)).Access.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("short", "Password must be at least 8 characters.")]
    [InlineData("password", "This password is too common; choose one that is harder to guess.")]
    [InlineData("xx resetname xx", "Password must not contain the email address's name.")]
    public async Task Reset_NewPasswordFollowsTheSignUpRules_AndTheLinkStillWorksAfterARefusal(string weak, string message)
    {
        var email = ApiClientExtensions.UniqueEmail("resetname").Replace("resetname-", "resetname", StringComparison.Ordinal);
        await _client.RegisterAsync(email);
        await _client.ForgotPasswordAsync(email);
        var token = await ResetTokenAsync(email);

        var refused = await _client.ResetPasswordAsync(token, weak.Replace("resetname", email.Split('@')[0], StringComparison.Ordinal));

        var problem = await refused.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!["newPassword"].ShouldContain(message);
        (await _client.ResetPasswordAsync(token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Reset_ProvesTheAddress_SoTheEmailIsVerifiedAfterwards()
    {
        var registered = await _client.RegisterAsync();
        await _client.ForgotPasswordAsync(registered.User.Email);
        (await _client.ResetPasswordAsync(await ResetTokenAsync(registered.User.Email), NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var login = await _client.LoginAsync(registered.User.Email, NewPassword);

        (await _client.EmailVerifiedAsync(login.Access)).ShouldBeTrue();
    }

    [Fact]
    public async Task Reset_OfAnAccountDeactivatedMeanwhile_IsRefused()
    {
        var registered = await _client.RegisterAsync();
        await _client.ForgotPasswordAsync(registered.User.Email);
        var token = await ResetTokenAsync(registered.User.Email);
        await DeactivateAsync(registered.User.Email);

        var reset = await _client.ResetPasswordAsync(token, NewPassword);

        (await reset.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task Forgot_UnknownOrInactiveEmail_Answers202_AndMailsNothing()
    {
        var unknown = ApiClientExtensions.UniqueEmail("ghost");
        var inactive = (await _client.RegisterAsync()).User.Email;
        await factory.Smtp.WaitForMailAsync(inactive);
        await DeactivateAsync(inactive);

        await (await _client.ForgotPasswordAsync(unknown)).ShouldBeAcceptedAsync();
        await (await _client.ForgotPasswordAsync(inactive)).ShouldBeAcceptedAsync();
        await factory.ResetRequestsResolvedAsync();

        (await factory.OutboxCountAsync(unknown)).ShouldBe(0);
        (await factory.OutboxCountAsync(inactive)).ShouldBe(1, "only its sign-up's verification mail");
    }

    [Fact]
    public async Task Forgot_MalformedEmail_Is400ValidationFailed()
    {
        var response = await _client.ForgotPasswordAsync("not an email");

        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldBe(["email"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Reset_WithAnUnknownOrMissingToken_Is400(string token)
    {
        var response = await _client.ResetPasswordAsync(token, NewPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.ShouldBe(token.Length == 0 ? "validation_failed" : "token_not_valid");
    }

    [Fact]
    public async Task ResetToken_IsRefusedByEmailVerification()
    {
        var registered = await _client.RegisterAsync();
        await _client.ForgotPasswordAsync(registered.User.Email);
        var token = await ResetTokenAsync(registered.User.Email);

        (await (await _client.VerifyEmailAsync(token)).ReadProblemAsync()).Code.ShouldBe("token_not_valid");
        (await _client.ResetPasswordAsync(token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task EachStep_IsAudited_WithoutTheEmailOrTheToken()
    {
        var registered = await _client.RegisterAsync();
        await _client.ForgotPasswordAsync(registered.User.Email);
        var token = await ResetTokenAsync(registered.User.Email);
        await _client.ResetPasswordAsync(token, NewPassword);
        var userId = Guid.Parse(registered.User.Id);

        factory.Logs.Entries.ShouldContain(e => e.EventId.Id == 3016 && Equals(e.Values["UserId"], userId));
        var reset = factory.Logs.Entries.Single(e => e.EventId.Id == 3017 && Equals(e.Values["UserId"], userId));
        reset.Values["Revoked"].ShouldBe(1);
        foreach (var entry in factory.Logs.Entries)
        {
            var text = entry.Message + string.Join(" ", entry.Values.Values);
            text.ShouldNotContain(token);
            text.ShouldNotContain(NewPassword);
            if (entry.EventId.Id is 3014 or 3015)
            {
                text.ShouldNotContain(registered.User.Email);
            }
        }
    }

    private static bool IsReset(MimeKit.MimeMessage mail) => mail.Subject == "Reset your ShopEase password";

    private async Task<string> ResetTokenAsync(string email) =>
        MailLinks.Token(await factory.Smtp.WaitForMailAsync(email, IsReset), MailLinks.ResetPassword);

    private Task<int> DeactivateAsync(string email) =>
        factory.WithDbContextAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));
}
