namespace ShopEase.Application.Common.Abstractions;

/// <summary>Hands one message to the mail server.</summary>
public interface IMailTransport
{
    /// <exception cref="MailRejectedException">The server refused the message for good (a 5xx answer): retrying cannot help.</exception>
    /// <remarks>Any other exception is a failure worth retrying later: the server is down, slow or busy.</remarks>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
