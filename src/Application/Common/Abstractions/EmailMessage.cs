namespace ShopEase.Application.Common.Abstractions;

/// <summary>One mail to one address, with a plain-text body and an HTML body of the same content.</summary>
/// <param name="MessageId">Stable across delivery attempts, so a receiving server can drop a duplicate.</param>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody)
{
    public Guid MessageId { get; init; }
}
