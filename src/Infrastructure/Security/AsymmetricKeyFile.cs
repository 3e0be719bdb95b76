using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ShopEase.Infrastructure.Security;

/// <summary>ES256 (P-256) and RS256 keys in PEM files; the <c>kid</c> is derived from the public key.</summary>
public static class AsymmetricKeyFile
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>Writes a new private key, readable by its owner only.</summary>
    public static void Generate(string algorithm, string path)
    {
        string pem;
        if (algorithm == SigningAlgorithms.Es256)
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            pem = ec.ExportPkcs8PrivateKeyPem();
        }
        else
        {
            using var rsa = RSA.Create(3072);
            pem = rsa.ExportPkcs8PrivateKeyPem();
        }

        SecretFile.WriteOwnerOnly(path, pem);
    }

    /// <summary>Whether the PEM file in <paramref name="path"/> holds a private key (read by <see cref="Load"/> before this is asked).</summary>
    public static bool HoldsPrivateKey(string path) => IsPrivate(File.ReadAllText(path));

    /// <summary>Loads the key in <paramref name="path"/>; <paramref name="isPrivate"/> says whether it can sign.</summary>
    public static AsymmetricSecurityKey Load(string algorithm, string path, out bool isPrivate)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Jwt:KeyFiles names '{path}', which does not exist.");
        }

        try
        {
            var pem = File.ReadAllText(path);
            isPrivate = IsPrivate(pem);
            if (algorithm == SigningAlgorithms.Es256)
            {
                var ec = ECDsa.Create();
                ec.ImportFromPem(pem);

                // ES256 is ECDSA on P-256 (RFC 7518); other 256-bit curves (secp256k1, brainpoolP256r1) are not it.
                if (!IsP256(ec.ExportParameters(includePrivateParameters: false).Curve))
                {
                    throw new InvalidOperationException($"'{path}' is not a P-256 key, which ES256 needs.");
                }

                return new ECDsaSecurityKey(ec) { KeyId = KeyIdOf(ec.ExportSubjectPublicKeyInfo()) };
            }

            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            if (rsa.KeySize < 2048)
            {
                throw new InvalidOperationException($"'{path}' is a {rsa.KeySize}-bit RSA key; RS256 needs at least 2048 bits.");
            }

            return new RsaSecurityKey(rsa) { KeyId = KeyIdOf(rsa.ExportSubjectPublicKeyInfo()) };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Jwt:KeyFiles names '{path}', which cannot be read: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new InvalidOperationException($"'{path}' does not hold a PEM key usable for {algorithm}.", ex);
        }
    }

    private static bool IsPrivate(string pem) => pem.Contains("PRIVATE KEY", StringComparison.Ordinal);

    private static bool IsP256(ECCurve curve) =>
        curve.IsNamed && (curve.Oid.Value == P256Oid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "secp256r1" or "prime256v1");

    private static string KeyIdOf(byte[] subjectPublicKeyInfo) =>
        Base64Url.EncodeToString(SHA256.HashData(subjectPublicKeyInfo).AsSpan(0, 12));
}
