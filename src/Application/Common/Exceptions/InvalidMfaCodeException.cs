namespace ShopEase.Application.Common.Exceptions;

/// <summary>A second-factor code that is wrong, was already used, or is out of its time window.</summary>
public sealed class InvalidMfaCodeException : Exception
{
    public InvalidMfaCodeException(Guid userId)
        : base("The code is not valid.")
    {
        UserId = userId;
    }

    public InvalidMfaCodeException()
        : base("The code is not valid.")
    {
    }

    public InvalidMfaCodeException(string message)
        : base(message)
    {
    }

    public InvalidMfaCodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whose code it was, for the audit trail; never part of the answer.</summary>
    public Guid? UserId { get; }
}
