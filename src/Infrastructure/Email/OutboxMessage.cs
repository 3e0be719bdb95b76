namespace ShopEase.Infrastructure.Email;

/// <summary>
/// One mail waiting in, or gone from, the outbox. <see cref="NextAttemptAt"/> is both the back-off and the
/// lease: a sender claims a message by moving it into the future, so no other sender takes it meanwhile.
/// Once sent or dead-lettered its bodies are emptied, since a body carries a live token in its link.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public string Recipient { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string TextBody { get; set; } = string.Empty;

    public string HtmlBody { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Names the sender's claim in progress, so only the claim holder marks the outcome.</summary>
    public Guid? ClaimId { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Given up on after <c>Email:MaxAttempts</c> or a permanent refusal.</summary>
    public DateTimeOffset? DeadAt { get; set; }

    public string? LastError { get; set; }
}
