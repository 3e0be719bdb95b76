namespace ShopEase.Application.Passkeys.Models;

/// <summary>
/// <c>RegistrationResponseJSON</c>: what <c>PublicKeyCredential.toJSON()</c> gives after
/// <c>navigator.credentials.create()</c>. Binary values are base64url; other members are ignored.
/// </summary>
public sealed record RegistrationCredential(string? Id, string? RawId, string? Type, AttestationResponse? Response);
