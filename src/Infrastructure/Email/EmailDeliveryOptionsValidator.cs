using Microsoft.Extensions.Options;
using MimeKit;

namespace ShopEase.Infrastructure.Email;

/// <summary>A bad <c>Email</c> setting stops the app at start, naming the key.</summary>
internal sealed class EmailDeliveryOptionsValidator : IValidateOptions<EmailDeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailDeliveryOptions options)
    {
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add("Email:From must be a mail address, e.g. \"ShopEase <no-reply@shop.example>\".");
        }

        if (options.Smtp.Port is < 1 or > 65535)
        {
            failures.Add("Email:Smtp:Port must be between 1 and 65535.");
        }

        if (!Enum.IsDefined(options.Smtp.Security))
        {
            failures.Add("Email:Smtp:Security must be None, StartTls or SslOnConnect.");
        }

        if (options.Smtp.Timeout < TimeSpan.FromSeconds(1))
        {
            failures.Add("Email:Smtp:Timeout must be at least one second.");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add("Email:MaxAttempts must be at least 1.");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay || options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("Email:RetryDelay and Email:PollInterval must be positive, Email:MaxRetryDelay not below Email:RetryDelay.");
        }

        if (options.BacklogCountInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Email:BacklogCountInterval must be at least one second.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
