using ShopEase.Application.Passkeys.Models;

namespace ShopEase.Web.Endpoints.Requests;

/// <summary>Body of passkey registration: the new credential as <c>PublicKeyCredential.toJSON()</c> gives it, and a name for it.</summary>
public sealed record RegisterPasskeyRequest(RegistrationCredential? Credential, string? Name);
