using ShopEase.Domain.Passkeys;

namespace ShopEase.Application.Common.Abstractions;

/// <summary>Passkeys by owner or by credential id. The unique index on the credential id is the last word.</summary>
public interface IPasskeyRepository
{
    /// <summary>The user's passkeys, newest first.</summary>
    Task<IReadOnlyList<Passkey>> ListAsync(Guid userId, CancellationToken cancellationToken);

    /// <returns><c>null</c> when the passkey is unknown or not <paramref name="userId"/>'s.</returns>
    Task<Passkey?> FindAsync(Guid userId, Guid passkeyId, CancellationToken cancellationToken);

    Task<Passkey?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken);

    /// <returns><c>false</c> when the credential id is registered already (to this account or another).</returns>
    Task<bool> TryAddAsync(Passkey passkey, CancellationToken cancellationToken);

    Task UpdateAsync(Passkey passkey, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the stored signature counter from <paramref name="expectedSignCount"/> to
    /// <paramref name="signCount"/> and records the use, only if no other sign-in moved it meanwhile.
    /// </summary>
    /// <returns><c>false</c> when another sign-in with this passkey got there first.</returns>
    Task<bool> TryRecordUseAsync(
        Guid passkeyId, long expectedSignCount, uint signCount, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the passkey unless it is the last way into an account without a password; decided
    /// under a lock on the account held until the caller's transaction ends, so two deletes at once cannot both
    /// take the last two.
    /// </summary>
    Task<PasskeyRemoval> DeleteAsync(Guid userId, Guid passkeyId, CancellationToken cancellationToken);
}
