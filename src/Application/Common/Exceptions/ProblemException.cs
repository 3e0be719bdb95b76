namespace ShopEase.Application.Common.Exceptions;

/// <summary>
/// A failure that is one of the contract's answers: it carries its HTTP status and its <c>code</c>, and its
/// <see cref="Exception.Message"/> is the problem's title. The web layer writes every one of them the same
/// way, so a feature adds an error type by deriving from this class, without editing the exception handler.
/// </summary>
public abstract class ProblemException : Exception
{
    protected ProblemException(int status, string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        Code = code;
    }

    /// <summary>The HTTP status code of the answer.</summary>
    public int Status { get; }

    /// <summary>The contract's machine-readable <c>code</c>, in snake_case.</summary>
    public string Code { get; }
}
