namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// Account lockout: every password check of an email, at login or password change, is counted before
/// the password is looked at, whether or not an account has the email, so a lockout never tells an
/// attacker which emails exist and parallel guesses cannot outrun the count.
/// </summary>
public interface ILoginThrottle
{
    /// <summary>
    /// Counts one attempt on the email, atomically: whatever the concurrency, at most the lockout number of
    /// attempts per window get to check a password.
    /// </summary>
    /// <returns><c>null</c> when this attempt may check its password; otherwise how long the email stays locked.</returns>
    Task<TimeSpan?> CountAttemptAsync(string normalizedEmail, CancellationToken cancellationToken);

    /// <summary>The password was right: the count starts again.</summary>
    Task ResetAsync(string normalizedEmail, CancellationToken cancellationToken);
}
