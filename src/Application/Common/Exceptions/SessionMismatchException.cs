namespace ShopEase.Application.Common.Exceptions;

/// <summary>
/// The request proved one session (through its CSRF token) but presented another session's token:
/// a forged cross-site request, answered 403 <c>csrf_failed</c>.
/// </summary>
public sealed class SessionMismatchException : Exception
{
    public SessionMismatchException()
        : base("The request does not belong to this session.")
    {
    }

    public SessionMismatchException(string message)
        : base(message)
    {
    }

    public SessionMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
