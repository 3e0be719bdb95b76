using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Security;

/// <summary>
/// HMAC-SHA256 of the normalised email under a key derived (HKDF, its own label) from the current
/// signing key, so no further secret needs configuring and every node with the same keys agrees.
/// Rotating the signing key starts new fingerprints; 16 hex digits are plenty to correlate.
/// </summary>
internal sealed class HmacEmailFingerprint : IEmailFingerprint
{
    private const int Length = 16;
    private static readonly byte[] Label = "shopease audit email fingerprint"u8.ToArray();

    private readonly byte[] _key;

    public HmacEmailFingerprint(SigningKeyRing keys) =>
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, SecretOf(keys.Signing.Key), 32, salt: [], info: Label);

    public string Compute(string normalizedEmail) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalizedEmail)))[..Length];

    private static byte[] SecretOf(SecurityKey key) => key switch
    {
        SymmetricSecurityKey symmetric => symmetric.Key,
        ECDsaSecurityKey { ECDsa: { } ec } => ec.ExportPkcs8PrivateKey(),
        RsaSecurityKey { Rsa: { } rsa } => rsa.ExportPkcs8PrivateKey(),
        _ => throw new InvalidOperationException($"No secret to derive the audit key from in a {key.GetType().Name}."),
    };
}
