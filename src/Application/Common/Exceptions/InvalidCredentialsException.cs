namespace ShopEase.Application.Common.Exceptions;

/// <summary>Unknown email, wrong password or inactive account: deliberately one answer for all three.</summary>
public sealed class InvalidCredentialsException : Exception
{
    public InvalidCredentialsException()
        : base("The email or password is not correct.")
    {
    }

    public InvalidCredentialsException(string message)
        : base(message)
    {
    }

    public InvalidCredentialsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
