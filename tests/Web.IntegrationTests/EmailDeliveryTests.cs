using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ShopEase.Infrastructure.Email;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>The outbox and its sender against a real SMTP server that goes away and comes back.</summary>
public sealed class EmailDeliveryTests(EmailApiFactory factory) : IClassFixture<EmailApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task MailServerDown_SignUpStillSucceeds_AndTheMailGoesOutOnceTheServerIsBack()
    {
        await factory.Smtp.StopAsync();
        var email = ApiClientExtensions.UniqueEmail("outage");
        try
        {
            var started = Stopwatch.StartNew();
            (await _client.PostJsonAsync("/api/auth/register", new { email, password = ApiClientExtensions.DefaultPassword }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
            started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3), "a mail server that is down must not hold up the request");

            var failed = await WaitForRowAsync(email, m => m.Attempts >= 2);
            failed.SentAt.ShouldBeNull();
            failed.LastError.ShouldNotBeNullOrEmpty();
            factory.Smtp.MailTo(email).ShouldBeEmpty();
        }
        finally
        {
            factory.Smtp.Start();
        }

        var mail = await factory.Smtp.WaitForMailAsync(email);

        MailLinks.Token(mail, MailLinks.VerifyEmail).ShouldNotBeNullOrEmpty();
        (await WaitForRowAsync(email, m => m.SentAt is not null)).Attempts.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task PermanentRefusal_IsDeadLetteredAtOnce_WithoutItsBodies()
    {
        var email = ApiClientExtensions.UniqueEmail(SmtpTestServer.RejectedPrefix.TrimEnd('-'));

        await _client.RegisterAsync(email);

        var dead = await WaitForRowAsync(email, m => m.DeadAt is not null);
        dead.Attempts.ShouldBe(1);
        dead.SentAt.ShouldBeNull();
        dead.TextBody.ShouldBeEmpty();
        dead.HtmlBody.ShouldBeEmpty();
        dead.LastError!.ShouldContain("550");
    }

    [Fact]
    public async Task AMessage_KeepsItsMessageIdAcrossAttempts()
    {
        await factory.Smtp.StopAsync();
        var email = ApiClientExtensions.UniqueEmail("same-id");
        try
        {
            await _client.RegisterAsync(email);
            await WaitForRowAsync(email, m => m.Attempts >= 1);
        }
        finally
        {
            factory.Smtp.Start();
        }

        var mail = await factory.Smtp.WaitForMailAsync(email);
        var row = await WaitForRowAsync(email, m => m.SentAt is not null);

        mail.MessageId.ShouldBe($"{row.Id:N}@shop.example");
    }

    private Task<OutboxMessage> WaitForRowAsync(string recipient, Func<OutboxMessage, bool> done) =>
        WaitForOutboxRowAsync(factory, recipient, done);

    internal static async Task<OutboxMessage> WaitForOutboxRowAsync(ShopEaseApiFactory factory, string recipient, Func<OutboxMessage, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var row = await factory.WithDbContextAsync(db => db.EmailOutbox.AsNoTracking().SingleOrDefaultAsync(m => m.Recipient == recipient));
            if (row is not null && done(row))
            {
                return row;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"the outbox row for {recipient} never got there: {System.Text.Json.JsonSerializer.Serialize(row)}");
            await Task.Delay(25);
        }
    }
}
