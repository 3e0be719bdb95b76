namespace ShopEase.Application.Common.Exceptions;

/// <summary>
/// Unknown email, wrong password or inactive account: deliberately one answer for all three. A
/// passkey sign-in that fails any check gets it too, with its own <see cref="Exception.Message"/>.
/// </summary>
public sealed class InvalidCredentialsException : ProblemException
{
    public InvalidCredentialsException()
        : this("The email or password is not correct.")
    {
    }

    public InvalidCredentialsException(string message)
        : this(message, null)
    {
    }

    public InvalidCredentialsException(string message, Exception? innerException)
        : base(401, "invalid_credentials", message, innerException)
    {
    }

    /// <summary>Which check failed, for the audit log only: the client gets one answer whatever it was.</summary>
    public string? Reason { get; init; }
}
