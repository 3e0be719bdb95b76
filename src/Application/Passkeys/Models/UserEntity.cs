namespace ShopEase.Application.Passkeys.Models;

/// <summary><c>id</c> is the user handle (base64url), which the authenticator hands back at sign-in.</summary>
public sealed record UserEntity(string Id, string Name, string DisplayName);
