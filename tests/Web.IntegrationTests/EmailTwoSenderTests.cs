using Microsoft.EntityFrameworkCore;
using ShopEase.Infrastructure.Email;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>Two nodes run the sender over one outbox: every message goes out, and none twice.</summary>
public sealed class EmailTwoSenderTests(EmailApiFactory nodeA) : IClassFixture<EmailApiFactory>, IAsyncLifetime, IDisposable
{
    private const int Messages = 120;

    private PeerNodeApiFactory _nodeB = null!;

    public async Task InitializeAsync()
    {
        _nodeB = new PeerNodeApiFactory(nodeA, EmailApiFactory.MailSettings(nodeA.Smtp.Port));
        await _nodeB.InitializeAsync();
        _nodeB.CreateApiClient();
    }

    public async Task DisposeAsync() => await _nodeB.DisposeAsync();

    public void Dispose() => _nodeB.Dispose();

    [Fact]
    public async Task TwoSenders_DeliverEveryMessageExactlyOnce()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var recipients = Enumerable.Range(0, Messages).Select(i => $"twice-{run}-{i}@shop.io").ToList();

        // Written at once, as many sign-ups would, while both senders poll.
        await nodeA.WithDbContextAsync(db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.EmailOutbox.AddRange(recipients.Select(r => new OutboxMessage
            {
                Id = Guid.CreateVersion7(), Recipient = r, Subject = "Load", TextBody = "text", HtmlBody = "<p>html</p>",
                CreatedAt = now, NextAttemptAt = now,
            }));
            return db.SaveChangesAsync();
        });

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await nodeA.WithDbContextAsync(db => db.EmailOutbox.CountAsync(m => recipients.Contains(m.Recipient) && m.SentAt == null)) > 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the senders did not empty the outbox");
            await Task.Delay(50);
        }

        // A duplicate sent late would still arrive now.
        await Task.Delay(500);
        var received = nodeA.Smtp.Received.Where(r => r.Recipients.Single().StartsWith($"twice-{run}-", StringComparison.Ordinal)).ToList();
        received.Count.ShouldBe(Messages);
        received.Select(r => r.Recipients.Single()).Distinct().Count().ShouldBe(Messages);
        received.Select(r => r.Message.MessageId).Distinct().Count().ShouldBe(Messages);
    }
}
