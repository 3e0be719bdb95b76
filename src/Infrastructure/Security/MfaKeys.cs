using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ShopEase.Infrastructure.Security;

/// <summary>
/// The second factor's keys: the configured one first, then earlier ones kept for a rotation. Each is
/// known by an id derived from it, stored beside what it protects, and yields two keys of its own
/// (HKDF, each with its own label): one encrypts TOTP secrets, one keys the recovery-code hashes.
/// </summary>
public sealed class MfaKeys
{
    public const string CurrentSetting = $"{MfaOptions.SectionName}:{nameof(MfaOptions.EncryptionKey)}";
    public const string PreviousSetting = $"{MfaOptions.SectionName}:{nameof(MfaOptions.PreviousEncryptionKeys)}";

    private static readonly byte[] SecretLabel = "shopease totp secret encryption v1"u8.ToArray();
    private static readonly byte[] RecoveryCodeLabel = "shopease recovery code hash v1"u8.ToArray();

    public MfaKeys(IOptions<MfaOptions> options)
    {
        var settings = options.Value;
        All = settings.PreviousEncryptionKeys
            .Select((key, i) => Derive(key, $"{PreviousSetting}:{i}"))
            .Prepend(Derive(settings.EncryptionKey, CurrentSetting))
            .DistinctBy(k => k.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The key new secrets and codes are written with.</summary>
    public MfaKey Current => All[0];

    /// <summary>Every key that still reads, the current one first.</summary>
    public IReadOnlyList<MfaKey> All { get; }

    public MfaKey? Find(string keyId) => All.FirstOrDefault(k => k.Id == keyId);

    private static MfaKey Derive(string? base64Key, string setting)
    {
        if (!SigningKey.TryDecode(base64Key, setting, out var key, out var problem))
        {
            throw new InvalidOperationException(problem);
        }

        return new MfaKey(
            Base64Url.EncodeToString(SHA256.HashData(key).AsSpan(0, 12)),
            HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: [], info: SecretLabel),
            HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: [], info: RecoveryCodeLabel));
    }
}
