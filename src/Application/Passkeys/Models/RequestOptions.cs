namespace ShopEase.Application.Passkeys.Models;

/// <summary>
/// <c>PublicKeyCredentialRequestOptionsJSON</c>: what <c>PublicKeyCredential.parseRequestOptionsFromJSON</c>
/// takes. No <c>allowCredentials</c>: the authenticator offers the discoverable credentials it holds for the RP ID.
/// </summary>
public sealed record RequestOptions(string Challenge, long Timeout, string RpId, string UserVerification);
