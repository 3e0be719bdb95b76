using System.Security.Claims;
using ShopEase.Infrastructure.Security;

namespace ShopEase.Web.Authentication;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The caller's user id; only called behind RequireAuthorization, where the token handler guaranteed it.</summary>
    public static Guid GetUserId(this ClaimsPrincipal principal) =>
        Guid.Parse(principal.FindFirstValue(AccessTokenClaims.Subject)
            ?? throw new InvalidOperationException("An authenticated principal without a subject."));

    /// <summary>The session the caller's access token belongs to.</summary>
    public static Guid GetSessionId(this ClaimsPrincipal principal) =>
        Guid.Parse(principal.FindFirstValue(AccessTokenClaims.SessionId)
            ?? throw new InvalidOperationException("An authenticated principal without a session."));
}
