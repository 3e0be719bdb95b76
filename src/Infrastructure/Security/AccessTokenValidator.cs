using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Security;

/// <summary>
/// The single definition of a valid access token: the configured algorithm only, a known <c>kid</c>, our issuer and
/// audience, an <c>exp</c> judged by <see cref="TimeProvider"/> with 30 s of skew, and
/// <c>token_type</c> = <c>access</c>.
/// </summary>
public sealed class AccessTokenValidator : IAccessTokenValidator
{
    public AccessTokenValidator(
        IOptions<JwtOptions> options, SigningKeyRing keys, TimeProvider timeProvider, ISessionLiveness sessions)
    {
        Handler = new AccessTokenHandler(sessions);
        var settings = options.Value;
        Parameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidAlgorithms = [keys.Algorithm],
            ValidTypes = ["JWT"],
            ClockSkew = JwtOptions.ClockSkew,
            TryAllIssuerSigningKeys = false,
            IssuerSigningKeyResolver = (_, _, kid, _) =>
                kid is not null && keys.VerificationKeys.TryGetValue(kid, out var key) ? [key] : [],
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = timeProvider.GetUtcNow().UtcDateTime;
                return expires is { } exp && now < exp + JwtOptions.ClockSkew
                    && (notBefore is not { } nbf || nbf <= now + JwtOptions.ClockSkew);
            },
            NameClaimType = AccessTokenClaims.Subject,
        };
    }

    public AccessTokenHandler Handler { get; }

    public TokenValidationParameters Parameters { get; }

    public async Task<bool> IsValidAsync(string token, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = await Handler.ValidateTokenAsync(token, Parameters);
        return result.IsValid;
    }
}
