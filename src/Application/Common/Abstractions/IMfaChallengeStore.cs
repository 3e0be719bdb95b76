namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// The pending second step of a login: an opaque token, held server-side only as a hash, naming the
/// account and the password check that produced it. It is never a JWT, so nothing takes it for an
/// access token.
/// </summary>
public interface IMfaChallengeStore
{
    /// <returns>The token to hand to the client.</returns>
    Task<string> CreateAsync(
        Guid userId, Guid passwordStamp, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one attempt at the token, atomically: of any number of concurrent attempts at most
    /// <paramref name="maxAttempts"/> ever get a challenge back.
    /// </summary>
    /// <returns>The challenge, or <c>null</c> for an unknown, expired, spent or exhausted token.</returns>
    Task<MfaChallenge?> ClaimAttemptAsync(string token, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken);

    /// <returns><c>true</c> for exactly one caller: the challenge was still there and is now spent.</returns>
    Task<bool> TryConsumeAsync(Guid challengeId, CancellationToken cancellationToken);
}
