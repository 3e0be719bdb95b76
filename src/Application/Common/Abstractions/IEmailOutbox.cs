namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// Mail to send. A message is written in the caller's transaction, so it exists exactly when what caused
/// it (a token, an account) does; a background sender delivers it later, with retries, so a mail server
/// that is down delays mail but never fails a request.
/// </summary>
public interface IEmailOutbox
{
    Task EnqueueAsync(EmailMessage message, CancellationToken cancellationToken);
}
