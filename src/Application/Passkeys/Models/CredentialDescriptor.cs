namespace ShopEase.Application.Passkeys.Models;

/// <summary>A credential the account already has (<c>id</c> base64url), so an authenticator does not register it twice.</summary>
public sealed record CredentialDescriptor(string Type, string Id);
