namespace ShopEase.Application.Common.Exceptions;

/// <summary>An <c>Idempotency-Key</c> that already names a checkout of another cart: 422 <c>idempotency_key_reused</c>.</summary>
public sealed class IdempotencyKeyReusedException : ProblemException
{
    public IdempotencyKeyReusedException()
        : this("This Idempotency-Key was already used for a checkout of another cart; send a new key for a new checkout.")
    {
    }

    public IdempotencyKeyReusedException(string message)
        : this(message, null)
    {
    }

    public IdempotencyKeyReusedException(string message, Exception? innerException)
        : base(422, "idempotency_key_reused", message, innerException)
    {
    }
}
