using ShopEase.Application.Common.Exceptions;
using ShopEase.Web.ExceptionHandling;

namespace ShopEase.Web.Browser;

/// <summary>A browser-mode request without a valid CSRF token for its session: 403 <c>csrf_failed</c>.</summary>
public sealed class CsrfFailedException : ProblemException
{
    public CsrfFailedException()
        : this("The CSRF token is missing or does not match this session.")
    {
    }

    public CsrfFailedException(string message)
        : this(message, null)
    {
    }

    public CsrfFailedException(string message, Exception? innerException)
        : base(StatusCodes.Status403Forbidden, ProblemCodes.CsrfFailed, message, innerException)
    {
    }
}
