using System.Net;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>A mail server that stays away: the message is given up after <c>Email:MaxAttempts</c>, not retried for ever.</summary>
public sealed class EmailDeadLetterTests(EmailDeadLetterTests.TwoAttemptsApiFactory factory)
    : IClassFixture<EmailDeadLetterTests.TwoAttemptsApiFactory>
{
    [Fact]
    public async Task AfterMaxAttempts_TheMessageIsDeadLettered_WithoutItsBodies()
    {
        await factory.Smtp.StopAsync();
        var email = ApiClientExtensions.UniqueEmail("unlucky");

        (await factory.CreateApiClient().PostJsonAsync("/api/auth/register", new { email, password = ApiClientExtensions.DefaultPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var dead = await EmailDeliveryTests.WaitForOutboxRowAsync(factory, email, m => m.DeadAt is not null);
        dead.Attempts.ShouldBe(2);
        dead.TextBody.ShouldBeEmpty();
        dead.HtmlBody.ShouldBeEmpty();
        dead.LastError.ShouldNotBeNullOrEmpty();
        factory.Logs.Entries.ShouldContain(e => e.EventId.Id == 2503 && Equals(e.Values["MessageId"], dead.Id));
    }

    public sealed class TwoAttemptsApiFactory : EmailApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
        {
            ["Email:MaxAttempts"] = "2",
        };
    }
}
