namespace ShopEase.Application.Common.Exceptions;

/// <summary>Too many attempts; <see cref="RetryAfter"/> says when trying again makes sense.</summary>
public sealed class RateLimitedException : Exception
{
    public RateLimitedException(TimeSpan retryAfter)
        : base("Too many attempts.")
    {
        RetryAfter = retryAfter;
    }

    public RateLimitedException()
        : this(TimeSpan.FromMinutes(1))
    {
    }

    public RateLimitedException(string message)
        : base(message)
    {
        RetryAfter = TimeSpan.FromMinutes(1);
    }

    public RateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
        RetryAfter = TimeSpan.FromMinutes(1);
    }

    public TimeSpan RetryAfter { get; }
}
