using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Email;

/// <summary>MailKit over SMTP: one connection per message, each step bounded by <c>Email:Smtp:Timeout</c>.</summary>
internal sealed class SmtpMailTransport(IOptions<EmailDeliveryOptions> options, TimeProvider timeProvider) : IMailTransport
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var mime = Build(message, settings.From, timeProvider.GetUtcNow());
        using var client = new SmtpClient { Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, SocketOptions(settings.Smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.Username))
            {
                await client.AuthenticateAsync(settings.Smtp.Username, settings.Smtp.Password, cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException ex) when (IsPermanent(ex))
        {
            throw new MailRejectedException($"The mail server refused the message: {(int)ex.StatusCode} {ex.ErrorCode}.", ex);
        }
    }

    /// <summary>A plain-text and an HTML part of one content; the Message-Id stays the same across attempts.</summary>
    internal static MimeMessage Build(EmailMessage message, string from, DateTimeOffset now)
    {
        var sender = MailboxAddress.Parse(from);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = now,
            MessageId = $"{message.MessageId:N}@{sender.Domain}",
            Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody(),
        };
        mime.From.Add(sender);
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }

    // A 5xx about this recipient or this message will not change on a retry; a refused sender or
    // login is a setting to fix, after which waiting mail should still go out.
    private static bool IsPermanent(SmtpCommandException exception) =>
        (int)exception.StatusCode >= 500
        && exception.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
