using ShopEase.Application.Common.Abstractions;
using ShopEase.Infrastructure.Persistence;

namespace ShopEase.Infrastructure.Email;

/// <summary>Writes a message into <c>email_outbox</c> with the caller's other changes, in its transaction.</summary>
internal sealed class EmailOutbox(ShopEaseDbContext db, TimeProvider timeProvider) : IEmailOutbox
{
    public async Task EnqueueAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        db.EmailOutbox.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            Recipient = message.To,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
