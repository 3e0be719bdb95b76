namespace ShopEase.Application.Common.Abstractions;

/// <summary>A credential whose registration passed every check: what must be kept to verify its sign-ins.</summary>
public sealed record VerifiedPasskey(byte[] CredentialId, byte[] PublicKey, uint SignCount);
