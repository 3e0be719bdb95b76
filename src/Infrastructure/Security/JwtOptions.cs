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

    /// <summary>HS256 secret, base64, at least 256 bits. Never committed.</summary>
    public string? SigningKey { get; set; }
}
