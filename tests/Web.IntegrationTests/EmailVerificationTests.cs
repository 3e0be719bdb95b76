using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>Sign-up mails a verification link over real SMTP; following it proves the address.</summary>
public sealed class EmailVerificationTests(EmailApiFactory factory) : IClassFixture<EmailApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task SignUp_MailsAVerificationLink_InPlainTextAndHtml()
    {
        var registered = await _client.RegisterAsync();

        var mail = await factory.Smtp.WaitForMailAsync(registered.User.Email);

        mail.From.Mailboxes.Single().Address.ShouldBe("no-reply@shop.example");
        mail.Subject.ShouldBe("Confirm your email address for ShopEase");
        mail.TextBody!.ShouldContain($"{EmailApiFactory.LinkBaseUrl}/verify-email?token=");
        mail.HtmlBody!.ShouldContain($"href=\"{EmailApiFactory.LinkBaseUrl}/verify-email?token=");
    }

    [Fact]
    public async Task VerificationMail_CarriesTheTokenOnlyInsideTheLink()
    {
        var registered = await _client.RegisterAsync();
        var mail = await factory.Smtp.WaitForMailAsync(registered.User.Email);

        var token = MailLinks.Token(mail, MailLinks.VerifyEmail);
        var link = $"{EmailApiFactory.LinkBaseUrl}/verify-email?token={token}";

        mail.Subject!.ShouldNotContain(token);
        mail.TextBody!.Replace(link, string.Empty, StringComparison.Ordinal).ShouldNotContain(token);
        mail.HtmlBody!.Replace($"href=\"{link}\"", string.Empty, StringComparison.Ordinal).ShouldNotContain(token);
        mail.Headers.Select(h => h.Value).ShouldAllBe(v => !v.Contains(token));
    }

    [Fact]
    public async Task VerificationToken_IsAtLeast256RandomBits_AndStoredOnlyAsItsHash()
    {
        var registered = await _client.RegisterAsync();
        var token = MailLinks.Token(await factory.Smtp.WaitForMailAsync(registered.User.Email), MailLinks.VerifyEmail);

        var secret = Base64Url.DecodeFromChars(token);
        secret.Length.ShouldBeGreaterThanOrEqualTo(32);
        var stored = await factory.WithDbContextAsync(db => db.EmailTokens.AsNoTracking()
            .Where(t => t.Email == registered.User.Email).Select(t => t.TokenHash).ToListAsync());
        stored.ShouldHaveSingleItem().ShouldBe(SHA256.HashData(secret));
        stored.Single().ShouldNotBe(System.Text.Encoding.UTF8.GetBytes(token));
    }

    [Fact]
    public async Task SentMail_LeavesNoTokenInTheOutbox()
    {
        var registered = await _client.RegisterAsync();
        var token = MailLinks.Token(await factory.Smtp.WaitForMailAsync(registered.User.Email), MailLinks.VerifyEmail);

        var row = await WaitUntilAsync(
            () => factory.WithDbContextAsync(db => db.EmailOutbox.AsNoTracking().SingleAsync(m => m.Recipient == registered.User.Email)),
            m => m.SentAt is not null);

        row.TextBody.ShouldBeEmpty();
        row.HtmlBody.ShouldBeEmpty();
        row.Attempts.ShouldBe(1);
        JsonSerializer.Serialize(row).ShouldNotContain(token);
    }

    [Fact]
    public async Task FollowingTheLink_VerifiesTheEmail_AndAnswersTheUser()
    {
        var registered = await _client.RegisterAsync();
        (await _client.EmailVerifiedAsync(registered.Access)).ShouldBeFalse();
        var token = MailLinks.Token(await factory.Smtp.WaitForMailAsync(registered.User.Email), MailLinks.VerifyEmail);

        var response = await _client.VerifyEmailAsync(token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<UserResultBody>();
        body!.User.ShouldBe(registered.User);
        (await _client.EmailVerifiedAsync(registered.Access)).ShouldBeTrue();
    }

    [Fact]
    public async Task VerificationToken_WorksOnce()
    {
        var registered = await _client.RegisterAsync();
        var token = MailLinks.Token(await factory.Smtp.WaitForMailAsync(registered.User.Email), MailLinks.VerifyEmail);
        (await _client.VerifyEmailAsync(token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await _client.VerifyEmailAsync(token);

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("<script>alert(1)</script>")]
    public async Task UnknownOrMalformedToken_Is400TokenNotValid(string token)
    {
        var response = await _client.VerifyEmailAsync(token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task MissingToken_Is400ValidationFailedOnToken()
    {
        var response = await _client.PostJsonAsync("/api/auth/email/verify", new { });

        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldBe(["token"]);
    }

    [Fact]
    public async Task Resend_Answers202_AndMailsALinkThatWorks()
    {
        var registered = await _client.RegisterAsync();
        await factory.Smtp.WaitForMailAsync(registered.User.Email);

        await (await _client.ResendVerificationAsync(registered.Access)).ShouldBeAcceptedAsync();

        var second = await factory.Smtp.WaitForMailAsync(registered.User.Email, m => factory.Smtp.MailTo(registered.User.Email).Count == 2);
        (await _client.VerifyEmailAsync(MailLinks.Token(second, MailLinks.VerifyEmail))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.EmailVerifiedAsync(registered.Access)).ShouldBeTrue();
    }

    [Fact]
    public async Task Resend_OnceVerified_Answers202_AndQueuesNothing()
    {
        var registered = await _client.RegisterVerifiedAsync(factory);

        await (await _client.ResendVerificationAsync(registered.Access)).ShouldBeAcceptedAsync();

        (await factory.OutboxCountAsync(registered.User.Email)).ShouldBe(1);
    }

    [Fact]
    public async Task Resend_WithoutAToken_Is401()
    {
        var response = await _client.PostJsonAsync("/api/auth/email/verify/resend", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_BeforeVerifying_Works_WhileVerifiedEmailIsNotRequired()
    {
        var registered = await _client.RegisterAsync();

        var login = await _client.LoginAsync(registered.User.Email);

        login.Access.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Verification_IsAudited()
    {
        var registered = await _client.RegisterVerifiedAsync(factory);

        factory.Logs.Entries.ShouldContain(e => e.EventId.Id == 3009 && Equals(e.Values["UserId"], Guid.Parse(registered.User.Id)));
    }

    private static async Task<T> WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(25);
        }
    }
}
