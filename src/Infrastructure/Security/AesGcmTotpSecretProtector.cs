using System.Security.Cryptography;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Security;

/// <summary>
/// AES-256-GCM: <c>nonce (12 bytes) | ciphertext | tag (16 bytes)</c>, with the account id as
/// associated data, so a secret copied onto another account's row no longer decrypts.
/// </summary>
internal sealed class AesGcmTotpSecretProtector(MfaKeys keys) : ITotpSecretProtector
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string CurrentKeyId => keys.Current.Id;

    public (byte[] EncryptedSecret, string KeyId) Encrypt(Guid userId, byte[] secret)
    {
        var key = keys.Current;
        var sealedSecret = new byte[NonceBytes + secret.Length + TagBytes];
        var nonce = sealedSecret.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.SecretEncryptionKey, TagBytes);
        aes.Encrypt(nonce, secret, sealedSecret.AsSpan(NonceBytes, secret.Length), sealedSecret.AsSpan(NonceBytes + secret.Length), userId.ToByteArray());
        return (sealedSecret, key.Id);
    }

    public byte[] Decrypt(Guid userId, byte[] encryptedSecret, string keyId)
    {
        // A key id nobody configured means a key was dropped while secrets still needed it: an
        // operator's mistake, told plainly in the log rather than passed off as a wrong code.
        var key = keys.Find(keyId) ?? throw new InvalidOperationException(
            $"A TOTP secret is encrypted with key id {keyId}, which is neither {MfaKeys.CurrentSetting} nor one of {MfaKeys.PreviousSetting}.");
        var length = encryptedSecret.Length - NonceBytes - TagBytes;
        var secret = new byte[length];
        using var aes = new AesGcm(key.SecretEncryptionKey, TagBytes);
        aes.Decrypt(
            encryptedSecret.AsSpan(0, NonceBytes),
            encryptedSecret.AsSpan(NonceBytes, length),
            encryptedSecret.AsSpan(NonceBytes + length),
            secret,
            userId.ToByteArray());
        return secret;
    }
}
