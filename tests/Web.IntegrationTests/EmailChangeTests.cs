using System.Net;
using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>Changing the email: proven by the new address, told to the old one, unique when it takes effect.</summary>
public sealed class EmailChangeTests(EmailApiFactory factory) : IClassFixture<EmailApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Change_MailsTheNewAddressALink_AndTheOldOneANotice()
    {
        var registered = await _client.RegisterAsync();
        var newEmail = ApiClientExtensions.UniqueEmail("moved");

        await (await _client.ChangeEmailAsync(registered.Access, newEmail, ApiClientExtensions.DefaultPassword)).ShouldBeAcceptedAsync();

        var link = await factory.Smtp.WaitForMailAsync(newEmail);
        MailLinks.Token(link, MailLinks.VerifyEmail).ShouldNotBeNullOrEmpty();
        var notice = await factory.Smtp.WaitForMailAsync(registered.User.Email, m => m.Subject!.Contains("about to change"));
        notice.TextBody!.ShouldContain(newEmail);
        notice.TextBody!.ShouldNotContain("token=");
    }

    [Fact]
    public async Task FollowingTheNewAddressLink_MovesTheAccount_AndKeepsItsSessions()
    {
        var registered = await _client.RegisterAsync();
        var newEmail = ApiClientExtensions.UniqueEmail("moved");
        await _client.ChangeEmailAsync(registered.Access, newEmail, ApiClientExtensions.DefaultPassword);
        var token = MailLinks.Token(await factory.Smtp.WaitForMailAsync(newEmail), MailLinks.VerifyEmail);

        var verified = await _client.VerifyEmailAsync(token);

        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await verified.Content.ReadFromJsonAsync<UserResultBody>())!.User.Email.ShouldBe(newEmail);
        var me = await _client.GetMeAsync(registered.Access);
        me.StatusCode.ShouldBe(HttpStatusCode.OK, "the change keeps every session");
        (await me.Content.ReadFromJsonAsync<MeBody>())!.Email.ShouldBe(newEmail);
        (await _client.EmailVerifiedAsync(registered.Access)).ShouldBeTrue();
        (await _client.LoginAsync(newEmail)).Access.ShouldNotBeNullOrEmpty();
        (await _client.PostJsonAsync("/api/auth/login", new { email = registered.User.Email, password = ApiClientExtensions.DefaultPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task NothingChanges_UntilTheLinkIsFollowed()
    {
        var registered = await _client.RegisterAsync();
        var newEmail = ApiClientExtensions.UniqueEmail("moved");
        await _client.ChangeEmailAsync(registered.Access, newEmail, ApiClientExtensions.DefaultPassword);
        await factory.Smtp.WaitForMailAsync(newEmail);

        var me = await (await _client.GetMeAsync(registered.Access)).Content.ReadFromJsonAsync<MeBody>();

        me!.Email.ShouldBe(registered.User.Email);
    }

    [Fact]
    public async Task Change_WithAWrongPassword_Is400OnPassword_AndMailsNothing()
    {
        var registered = await _client.RegisterAsync();
        var newEmail = ApiClientExtensions.UniqueEmail("moved");

        var response = await _client.ChangeEmailAsync(registered.Access, newEmail, "not my password");

        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldBe(["password"]);
        (await factory.OutboxCountAsync(newEmail)).ShouldBe(0);
    }

    [Fact]
    public async Task Change_ToAnEmailThatHasAnAccount_Is400OnNewEmail()
    {
        var registered = await _client.RegisterAsync();
        var other = await _client.RegisterAsync();

        var response = await _client.ChangeEmailAsync(registered.Access, other.User.Email.ToUpperInvariant(), ApiClientExtensions.DefaultPassword);

        var problem = await response.ReadProblemAsync();
        problem.Errors!["newEmail"].ShouldBe(["Email already exists"]);
    }

    [Fact]
    public async Task TheNewAddressTakenBeforeTheLinkIsFollowed_IsAClear400_AndTheAccountKeepsItsEmail()
    {
        var registered = await _client.RegisterAsync();
        var newEmail = ApiClientExtensions.UniqueEmail("contested");
        await _client.ChangeEmailAsync(registered.Access, newEmail, ApiClientExtensions.DefaultPassword);
        var token = MailLinks.Token(await factory.Smtp.WaitForMailAsync(newEmail), MailLinks.VerifyEmail);
        await _client.RegisterAsync(newEmail);

        var response = await _client.VerifyEmailAsync(token);

        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!["token"].ShouldBe(["The new email address already belongs to another account."]);
        (await (await _client.GetMeAsync(registered.Access)).Content.ReadFromJsonAsync<MeBody>())!.Email.ShouldBe(registered.User.Email);
    }

    [Fact]
    public async Task TheChange_VoidsResetLinksMailedToTheOldAddress()
    {
        var registered = await _client.RegisterAsync();
        await _client.ForgotPasswordAsync(registered.User.Email);
        var resetToken = MailLinks.Token(
            await factory.Smtp.WaitForMailAsync(registered.User.Email, m => m.Subject == "Reset your ShopEase password"), MailLinks.ResetPassword);
        var newEmail = ApiClientExtensions.UniqueEmail("moved");
        await _client.ChangeEmailAsync(registered.Access, newEmail, ApiClientExtensions.DefaultPassword);
        (await _client.VerifyEmailAsync(MailLinks.Token(await factory.Smtp.WaitForMailAsync(newEmail), MailLinks.VerifyEmail)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var reset = await _client.ResetPasswordAsync(resetToken, "a brand new passphrase");

        (await reset.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task ANewerChangeRequest_VoidsTheOlderLink()
    {
        var registered = await _client.RegisterAsync();
        var first = ApiClientExtensions.UniqueEmail("first");
        var second = ApiClientExtensions.UniqueEmail("second");
        await _client.ChangeEmailAsync(registered.Access, first, ApiClientExtensions.DefaultPassword);
        var firstToken = MailLinks.Token(await factory.Smtp.WaitForMailAsync(first), MailLinks.VerifyEmail);
        await _client.ChangeEmailAsync(registered.Access, second, ApiClientExtensions.DefaultPassword);
        await factory.Smtp.WaitForMailAsync(second);

        (await (await _client.VerifyEmailAsync(firstToken)).ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task Change_WithoutAToken_Is401()
    {
        var response = await _client.PostJsonAsync("/api/auth/email", new { newEmail = "x@shop.io", password = "whatever" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RequestAndChange_AreAudited()
    {
        var registered = await _client.RegisterAsync();
        var newEmail = ApiClientExtensions.UniqueEmail("moved");
        await _client.ChangeEmailAsync(registered.Access, newEmail, ApiClientExtensions.DefaultPassword);
        await _client.VerifyEmailAsync(MailLinks.Token(await factory.Smtp.WaitForMailAsync(newEmail), MailLinks.VerifyEmail));
        var userId = Guid.Parse(registered.User.Id);

        var events = factory.Logs.Entries.Where(e => Equals(e.Values.GetValueOrDefault("UserId"), userId)).Select(e => e.EventId.Id).ToList();

        events.ShouldBe([3001, 3013, 3010], ignoreOrder: false);
    }
}
