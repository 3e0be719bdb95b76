using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ShopEase.Infrastructure.Security;

/// <summary>
/// The key that signs new access tokens and every key that still verifies older ones, each known
/// by its <c>kid</c>. Rotating means adding a new key first in line and keeping the old one as a
/// verifier until its tokens have expired: nobody is logged out.
/// </summary>
public sealed class SigningKeyRing
{
    public SigningKeyRing(IOptions<JwtOptions> options)
    {
        var settings = options.Value;
        Algorithm = settings.Algorithm;
        var keys = new List<SecurityKey>();
        if (SigningAlgorithms.IsAsymmetric(Algorithm))
        {
            for (var i = 0; i < settings.KeyFiles.Count; i++)
            {
                var key = AsymmetricKeyFile.Load(Algorithm, settings.KeyFiles[i], out var isPrivate);
                if (i == 0 && !isPrivate)
                {
                    throw new InvalidOperationException($"The first of Jwt:KeyFiles signs, so '{settings.KeyFiles[0]}' must hold a private key.");
                }

                // The same key may be listed twice (private and public PEM): publish it once.
                if (keys.All(k => k.KeyId != key.KeyId))
                {
                    keys.Add(key);
                    PublicKeys.Add(key);
                }
            }
        }
        else
        {
            keys.Add(SigningKey.Create(settings.SigningKey));
            keys.AddRange(settings.PreviousSigningKeys.Select(SigningKey.Create));
        }

        Signing = new SigningCredentials(keys[0], Algorithm);
        VerificationKeys = keys.GroupBy(k => k.KeyId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public string Algorithm { get; }

    public SigningCredentials Signing { get; }

    public IReadOnlyDictionary<string, SecurityKey> VerificationKeys { get; }

    /// <summary>What a second service needs to verify our tokens; empty for HS256, whose key is secret.</summary>
    public IList<SecurityKey> PublicKeys { get; } = [];

    /// <summary>The public keys as JSON Web Keys (RFC 7517), public parameters only.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> PublicJsonWebKeys() =>
        PublicKeys.Select(IReadOnlyDictionary<string, string> (key) => key switch
        {
            ECDsaSecurityKey ec => EcJwk(ec),
            RsaSecurityKey rsa => RsaJwk(rsa),
            _ => throw new InvalidOperationException($"No JWK form for {key.GetType().Name}."),
        }).ToList();

    private Dictionary<string, string> EcJwk(ECDsaSecurityKey key)
    {
        var point = key.ECDsa.ExportParameters(includePrivateParameters: false).Q;
        return new Dictionary<string, string>
        {
            ["kty"] = "EC", ["use"] = "sig", ["alg"] = Algorithm, ["kid"] = key.KeyId, ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(point.X), ["y"] = Base64UrlEncoder.Encode(point.Y),
        };
    }

    private Dictionary<string, string> RsaJwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, string>
        {
            ["kty"] = "RSA", ["use"] = "sig", ["alg"] = Algorithm, ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }
}
