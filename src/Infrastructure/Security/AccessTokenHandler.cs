using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Security;

/// <summary>
/// The JWT handler plus the rules the library has no switch for: the token must be an access
/// token and name a user and a session. JwtBearer and the verify endpoint both use it.
/// </summary>
public sealed class AccessTokenHandler : JsonWebTokenHandler
{
    private readonly ISessionLiveness _sessions;

    public AccessTokenHandler(ISessionLiveness sessions)
    {
        _sessions = sessions;
        MapInboundClaims = false;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(
        string token, TokenValidationParameters validationParameters)
    {
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (!result.IsValid)
        {
            return result;
        }

        if (!HasClaim(result, AccessTokenClaims.TokenType, out var type) || type != AccessTokenClaims.AccessTokenType)
        {
            return Invalid("The token is not an access token.");
        }

        if (!HasClaim(result, AccessTokenClaims.Subject, out var sub) || !Guid.TryParse(sub, out _)
            || !HasClaim(result, AccessTokenClaims.SessionId, out var sid) || !Guid.TryParse(sid, out _))
        {
            return Invalid("The token does not name a user and a session.");
        }

        // Revocation is immediate: a signed, unexpired token of a revoked session is dead too.
        if (!await _sessions.IsLiveAsync(Guid.Parse(sid), Guid.Parse(sub), CancellationToken.None))
        {
            return Invalid("The session has been revoked.");
        }

        return result;
    }

    // Straight from the parsed payload: TokenValidationResult.Claims would build a ClaimsIdentity and a
    // dictionary of every claim first (trying to parse each string claim as a date), which the load
    // benchmark's profile of /token/verify found among its larger costs.
    private static bool HasClaim(TokenValidationResult result, string type, out string? value)
    {
        value = result.SecurityToken is JsonWebToken token && token.TryGetPayloadValue<string>(type, out var raw) ? raw : null;
        return value is not null;
    }

    private static TokenValidationResult Invalid(string reason) =>
        new() { IsValid = false, Exception = new SecurityTokenValidationException(reason) };
}
