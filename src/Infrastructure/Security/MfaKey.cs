namespace ShopEase.Infrastructure.Security;

/// <summary>One configured second-factor key, as the keys derived from it.</summary>
public sealed record MfaKey(string Id, byte[] SecretEncryptionKey, byte[] RecoveryCodeHashKey);
