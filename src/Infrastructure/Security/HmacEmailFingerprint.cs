using System.Security.Cryptography;
using System.Text;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Security;

/// <summary>
/// HMAC-SHA256 of the normalised email under a key derived from the current signing key
/// (<see cref="SigningKeyDerivedKey"/>). Rotating the signing key starts new fingerprints; 16 hex
/// digits are plenty to correlate.
/// </summary>
internal sealed class HmacEmailFingerprint(SigningKeyRing keys) : IEmailFingerprint
{
    private const int Length = 16;

    private readonly byte[] _key = SigningKeyDerivedKey.Derive(keys, "shopease audit email fingerprint"u8.ToArray());

    public string Compute(string normalizedEmail) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalizedEmail)))[..Length];
}
