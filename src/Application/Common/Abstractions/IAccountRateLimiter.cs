namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// Per-account limits on the requests that send mail (<c>RateLimiting:EmailPerAccountPerHour</c>), counted in
/// a fixed window shared by every node. An account is named by whatever identifies it to the caller: an email
/// for "forgot password" (whether or not an account has it), a user id elsewhere.
/// </summary>
public interface IAccountRateLimiter
{
    /// <summary>Counts one attempt of <paramref name="action"/> for <paramref name="account"/>.</summary>
    /// <returns><c>null</c> when it is within the limit, otherwise how long until the window ends.</returns>
    Task<TimeSpan?> TryAcquireAsync(string action, string account, CancellationToken cancellationToken);
}
