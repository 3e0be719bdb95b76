namespace ShopEase.Application.Common.Exceptions;

/// <summary>The right password, but verified email is required and this account's is not yet.</summary>
public sealed class EmailNotVerifiedException : Exception
{
    public EmailNotVerifiedException()
        : base("Verify your email address before logging in.")
    {
    }

    public EmailNotVerifiedException(string message)
        : base(message)
    {
    }

    public EmailNotVerifiedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
