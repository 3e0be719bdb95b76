namespace ShopEase.Application.Common.Exceptions;

/// <summary>
/// The request proved one session (through its CSRF token) but presented another session's token:
/// a forged cross-site request, answered as a missing CSRF token is: 403 <c>csrf_failed</c>, the same title.
/// </summary>
public sealed class SessionMismatchException : ProblemException
{
    public SessionMismatchException()
        : this("The CSRF token is missing or does not match this session.")
    {
    }

    public SessionMismatchException(string message)
        : this(message, null)
    {
    }

    public SessionMismatchException(string message, Exception? innerException)
        : base(403, "csrf_failed", message, innerException)
    {
    }
}
