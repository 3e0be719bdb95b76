using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ShopEase.Infrastructure.Security;

/// <summary>
/// A 256-bit key derived (HKDF-SHA256, one label per use) from the current signing key, so no further
/// secret needs configuring and every node with the same keys agrees. Promoting a new signing key
/// changes every key derived from it.
/// </summary>
internal static class SigningKeyDerivedKey
{
    public static byte[] Derive(SigningKeyRing keys, byte[] label) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, SecretOf(keys.Signing.Key), 32, salt: [], info: label);

    private static byte[] SecretOf(SecurityKey key) => key switch
    {
        SymmetricSecurityKey symmetric => symmetric.Key,
        ECDsaSecurityKey { ECDsa: { } ec } => ec.ExportPkcs8PrivateKey(),
        RsaSecurityKey { Rsa: { } rsa } => rsa.ExportPkcs8PrivateKey(),
        _ => throw new InvalidOperationException($"No secret to derive a key from in a {key.GetType().Name}."),
    };
}
