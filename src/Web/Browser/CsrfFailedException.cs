namespace ShopEase.Web.Browser;

/// <summary>A browser-mode request without a valid CSRF token for its session: 403 <c>csrf_failed</c>.</summary>
public sealed class CsrfFailedException : Exception
{
    public CsrfFailedException()
        : base("The CSRF token is missing or does not match this session.")
    {
    }

    public CsrfFailedException(string message)
        : base(message)
    {
    }

    public CsrfFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
