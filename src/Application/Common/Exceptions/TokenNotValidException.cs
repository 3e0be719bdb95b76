namespace ShopEase.Application.Common.Exceptions;

/// <summary>A token is malformed, forged, expired, revoked, spent, of the wrong type, or not the caller's.</summary>
public sealed class TokenNotValidException : Exception
{
    public TokenNotValidException()
        : base("The token is not valid.")
    {
    }

    public TokenNotValidException(string message)
        : base(message)
    {
    }

    public TokenNotValidException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
