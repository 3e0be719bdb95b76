namespace ShopEase.Application.Common.Exceptions;

/// <summary>The right password, but verified email is required and this account's is not yet.</summary>
public sealed class EmailNotVerifiedException : ProblemException
{
    public EmailNotVerifiedException()
        : this("Verify your email address before logging in.")
    {
    }

    public EmailNotVerifiedException(string message)
        : this(message, null)
    {
    }

    public EmailNotVerifiedException(string message, Exception? innerException)
        : base(403, "email_not_verified", message, innerException)
    {
    }
}
