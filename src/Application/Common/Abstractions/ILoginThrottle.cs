namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// Account lockout after repeated failed logins, counted per normalised email whether or not an
/// account has it, so a lockout never tells an attacker which emails exist.
/// </summary>
public interface ILoginThrottle
{
    /// <returns>How long the email stays locked, or <c>null</c> when it may try.</returns>
    Task<TimeSpan?> LockedForAsync(string normalizedEmail, CancellationToken cancellationToken);

    Task RecordFailureAsync(string normalizedEmail, CancellationToken cancellationToken);

    Task ResetAsync(string normalizedEmail, CancellationToken cancellationToken);
}
