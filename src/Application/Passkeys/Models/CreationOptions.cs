namespace ShopEase.Application.Passkeys.Models;

/// <summary>
/// <c>PublicKeyCredentialCreationOptionsJSON</c> of WebAuthn Level 3: what
/// <c>PublicKeyCredential.parseCreationOptionsFromJSON</c> takes. Binary values are base64url.
/// </summary>
public sealed record CreationOptions(
    RelyingPartyEntity Rp,
    UserEntity User,
    string Challenge,
    IReadOnlyList<CredentialParameters> PubKeyCredParams,
    long Timeout,
    IReadOnlyList<CredentialDescriptor> ExcludeCredentials,
    AuthenticatorSelection AuthenticatorSelection,
    string Attestation);
