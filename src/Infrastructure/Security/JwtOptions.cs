namespace ShopEase.Infrastructure.Security;

/// <summary>Access-token settings. Section <c>Jwt</c> (environment: <c>Jwt__Issuer</c>, ...).</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>Never configurable upwards: a token is dead at most this long after <c>exp</c>.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public string Issuer { get; set; } = "shopease";

    public string Audience { get; set; } = "shopease-api";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary><c>HS256</c> (default), <c>ES256</c> or <c>RS256</c>.</summary>
    public string Algorithm { get; set; } = SigningAlgorithms.Hs256;

    /// <summary>HS256: the secret that signs, base64, at least 256 bits. Never committed.</summary>
    public string? SigningKey { get; set; }

    /// <summary>HS256: earlier secrets that still verify tokens they signed, until those expire.</summary>
    public IList<string> PreviousSigningKeys { get; } = [];

    /// <summary>
    /// ES256/RS256: PEM files of private keys. The first signs; the others only verify (a public
    /// key PEM is enough for those). All public keys are published at /.well-known/jwks.json.
    /// </summary>
    public IList<string> KeyFiles { get; } = [];
}
