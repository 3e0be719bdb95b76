using ShopEase.Domain.Mfa;

namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// Each account's one TOTP authenticator, pending or confirmed. The conditional writes are the last
/// word on replay: of two requests with one code, exactly one moves the step on.
/// </summary>
public interface ITotpAuthenticatorRepository
{
    Task<TotpAuthenticator?> FindAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Stores a new set-up in place of any earlier unconfirmed one.</summary>
    /// <returns><c>false</c> when the user has a confirmed authenticator, which a set-up never replaces.</returns>
    Task<bool> SavePendingAsync(TotpAuthenticator authenticator, CancellationToken cancellationToken);

    /// <returns>
    /// <c>true</c> when the set-up <paramref name="authenticatorId"/> was still waiting and is now confirmed,
    /// with <paramref name="timeStep"/> as its last used step.
    /// </returns>
    Task<bool> TryConfirmAsync(Guid authenticatorId, long timeStep, DateTimeOffset now, CancellationToken cancellationToken);

    /// <returns><c>true</c> for exactly one caller per step: the user's confirmed authenticator had only earlier steps.</returns>
    Task<bool> TryUseStepAsync(Guid userId, long timeStep, CancellationToken cancellationToken);

    /// <summary>Stores the secret again, as the current encryption key encrypts it (a key rotation).</summary>
    Task ReencryptAsync(Guid authenticatorId, byte[] encryptedSecret, string keyId, CancellationToken cancellationToken);

    /// <summary>Removes the user's authenticator, pending or confirmed.</summary>
    Task DeleteAsync(Guid userId, CancellationToken cancellationToken);
}
