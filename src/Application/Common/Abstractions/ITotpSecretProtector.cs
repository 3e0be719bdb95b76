namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// Encrypts TOTP secrets at rest with the configured key, bound to their account. Earlier keys
/// still decrypt, so the key can be rotated; the key id stored beside a secret says which one.
/// </summary>
public interface ITotpSecretProtector
{
    /// <summary>The id of the key that encrypts new secrets.</summary>
    string CurrentKeyId { get; }

    (byte[] EncryptedSecret, string KeyId) Encrypt(Guid userId, byte[] secret);

    byte[] Decrypt(Guid userId, byte[] encryptedSecret, string keyId);
}
