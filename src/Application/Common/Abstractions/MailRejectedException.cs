namespace ShopEase.Application.Common.Abstractions;

/// <summary>The mail server refused a message permanently (for example an unknown mailbox): sending it again cannot help.</summary>
public sealed class MailRejectedException : Exception
{
    public MailRejectedException()
        : base("The mail server refused the message.")
    {
    }

    public MailRejectedException(string message)
        : base(message)
    {
    }

    public MailRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
