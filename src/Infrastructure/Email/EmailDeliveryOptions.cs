namespace ShopEase.Infrastructure.Email;

/// <summary>Section <c>Email</c>: the sender and how the outbox is delivered.</summary>
public sealed class EmailDeliveryOptions
{
    public const string SectionName = "Email";

    /// <summary>The <c>From</c> of every mail, e.g. <c>ShopEase &lt;no-reply@shop.example&gt;</c>.</summary>
    public string From { get; set; } = "ShopEase <no-reply@localhost>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Attempts per message before it is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failed attempt; it doubles after each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often an idle sender looks for new mail.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often each node counts the outbox backlog for its gauge.</summary>
    public TimeSpan BacklogCountInterval { get; set; } = TimeSpan.FromSeconds(15);
}
