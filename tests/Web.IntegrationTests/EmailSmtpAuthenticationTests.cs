using System.Net;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// <c>Email:Smtp:Username</c> and <c>Email:Smtp:Password</c> against a mail server that takes mail only
/// after AUTH: the right login delivers, a wrong one is a setting to fix, so the mail waits and is retried.
/// </summary>
public sealed class EmailSmtpAuthenticationTests
{
    private const string Username = "shopease";
    private const string Password = "smtp-test-password";

    public sealed class WithTheRightLogin(WithTheRightLogin.Factory factory) : IClassFixture<WithTheRightLogin.Factory>
    {
        [Fact]
        public async Task Mail_IsDeliveredAfterLoggingIn()
        {
            var email = ApiClientExtensions.UniqueEmail("authenticated");

            (await factory.CreateApiClient().PostJsonAsync("/api/auth/register", new { email, password = ApiClientExtensions.DefaultPassword }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);

            (await factory.Smtp.WaitForMailAsync(email)).Subject.ShouldNotBeNullOrEmpty();
        }

        public sealed class Factory() : LoginRequiredApiFactory(Password);
    }

    public sealed class WithAWrongPassword(WithAWrongPassword.Factory factory) : IClassFixture<WithAWrongPassword.Factory>
    {
        [Fact]
        public async Task Mail_IsNotDelivered_AndWaitsForRetries_InsteadOfBeingDeadLettered()
        {
            var email = ApiClientExtensions.UniqueEmail("refused-login");

            (await factory.CreateApiClient().PostJsonAsync("/api/auth/register", new { email, password = ApiClientExtensions.DefaultPassword }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);

            var waiting = await EmailDeliveryTests.WaitForOutboxRowAsync(factory, email, m => m.Attempts >= 3);
            waiting.SentAt.ShouldBeNull();
            waiting.DeadAt.ShouldBeNull();
            waiting.TextBody.ShouldNotBeEmpty();
            factory.Smtp.MailTo(email).ShouldBeEmpty();
        }

        public sealed class Factory() : LoginRequiredApiFactory("not-the-password");
    }

    /// <summary>The app logs in as <see cref="Username"/> with <paramref name="password"/>; the server wants <see cref="Password"/>.</summary>
    public abstract class LoginRequiredApiFactory(string password) : EmailApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
        {
            ["Email:Smtp:Username"] = Username,
            ["Email:Smtp:Password"] = password,
        };

        protected override SmtpTestServer CreateSmtpServer() => new() { RequiredLogin = (Username, Password) };
    }
}
