using ShopEase.Application.Passkeys.Models;
using ShopEase.Domain.Passkeys;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// The WebAuthn relying party: makes the options of both ceremonies and verifies what the
/// authenticator answered against them (challenge, origin, RP ID, flags, signature, algorithm).
/// A response that fails any check throws <see cref="Exceptions.PasskeyRejectedException"/>.
/// </summary>
public interface IPasskeyRelyingParty
{
    PasskeyCeremonyStart<CreationOptions> StartRegistration(User user, IReadOnlyList<byte[]> registeredCredentialIds);

    Task<VerifiedPasskey> VerifyRegistrationAsync(string state, RegistrationCredential credential, CancellationToken cancellationToken);

    PasskeyCeremonyStart<RequestOptions> StartLogin();

    /// <returns>The signature counter the authenticator sent.</returns>
    Task<uint> VerifyLoginAsync(string state, AuthenticationCredential credential, Passkey passkey, CancellationToken cancellationToken);

    /// <returns>The challenge in a base64url clientDataJSON, or <c>null</c> when it has none.</returns>
    byte[]? ChallengeOf(string clientDataJson);
}
