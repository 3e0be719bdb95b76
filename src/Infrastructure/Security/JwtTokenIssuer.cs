using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Security;

internal sealed class JwtTokenIssuer : ITokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly JwtOptions _options;
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _timeProvider;

    public JwtTokenIssuer(IOptions<JwtOptions> options, SigningKeyRing keys, TimeProvider timeProvider)
    {
        _options = options.Value;
        _credentials = keys.Signing;
        _timeProvider = timeProvider;
    }

    public IssuedAccessToken IssueAccessToken(Guid userId, Guid sessionId)
    {
        // Whole seconds, as iat and exp carry them.
        var now = DateTimeOffset.FromUnixTimeSeconds(_timeProvider.GetUtcNow().ToUnixTimeSeconds());
        var lifetime = TimeSpan.FromSeconds(Math.Floor(_options.AccessTokenLifetime.TotalSeconds));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>
            {
                [AccessTokenClaims.Subject] = userId.ToString(),
                [AccessTokenClaims.SessionId] = sessionId.ToString(),
                [AccessTokenClaims.TokenId] = Guid.NewGuid().ToString("N"),
                [AccessTokenClaims.TokenType] = AccessTokenClaims.AccessTokenType,
            },
        };
        return new IssuedAccessToken(_handler.CreateToken(descriptor), (int)lifetime.TotalSeconds);
    }
}
