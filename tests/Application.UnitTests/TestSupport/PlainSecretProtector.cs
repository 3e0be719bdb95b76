using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Application.UnitTests.TestSupport;

/// <summary>Encryption is Infrastructure's business; here a secret is its own ciphertext, under a named key.</summary>
internal sealed class PlainSecretProtector(string currentKeyId = TestAuthenticators.KeyId) : ITotpSecretProtector
{
    public string CurrentKeyId => currentKeyId;

    public (byte[] EncryptedSecret, string KeyId) Encrypt(Guid userId, byte[] secret) => ([.. secret], currentKeyId);

    public byte[] Decrypt(Guid userId, byte[] encryptedSecret, string keyId) => [.. encryptedSecret];
}
