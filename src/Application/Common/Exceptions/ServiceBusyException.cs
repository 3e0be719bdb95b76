namespace ShopEase.Application.Common.Exceptions;

/// <summary>
/// A bounded resource (the password hashing gate) has no room for this request; trying again after
/// <see cref="RetryAfter"/> makes sense. Not the client's fault, so not a 429.
/// </summary>
public sealed class ServiceBusyException : Exception
{
    public ServiceBusyException(TimeSpan retryAfter)
        : base("The service is busy.")
    {
        RetryAfter = retryAfter;
    }

    public ServiceBusyException()
        : this(TimeSpan.FromSeconds(1))
    {
    }

    public ServiceBusyException(string message)
        : base(message)
    {
        RetryAfter = TimeSpan.FromSeconds(1);
    }

    public ServiceBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
        RetryAfter = TimeSpan.FromSeconds(1);
    }

    public TimeSpan RetryAfter { get; }
}
