namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// Challenges of ceremonies in progress. Taking one deletes it in the same statement, so of two
/// requests that present it at once exactly one gets it: a challenge is used once, whatever happens next.
/// </summary>
public interface IPasskeyChallengeStore
{
    Task SaveAsync(PasskeyChallenge challenge, CancellationToken cancellationToken);

    /// <returns>The challenge, now deleted; <c>null</c> when unknown, used or of the other ceremony. Expiry is the caller's to check.</returns>
    Task<PasskeyChallenge?> TakeAsync(Guid id, PasskeyCeremony ceremony, CancellationToken cancellationToken);

    /// <returns>The registration challenge <paramref name="challenge"/> that <paramref name="userId"/> was given, now deleted.</returns>
    Task<PasskeyChallenge?> TakeRegistrationAsync(Guid userId, byte[] challenge, CancellationToken cancellationToken);
}
