namespace ShopEase.Application.Common.Exceptions;

/// <summary>
/// The relying party refused an authenticator's response; <see cref="Exception.Message"/> says which check
/// failed, for the audit log only. Handlers turn it into their own answer; it never reaches HTTP as it is.
/// </summary>
public sealed class PasskeyRejectedException : Exception
{
    public PasskeyRejectedException()
    {
    }

    public PasskeyRejectedException(string message)
        : base(message)
    {
    }

    public PasskeyRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
