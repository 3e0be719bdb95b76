using System.Security.Claims;
using ShopEase.Infrastructure.Security;

namespace ShopEase.Web.Authentication;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The caller's user id; only called behind RequireAuthorization, where the token handler guaranteed it.</summary>
    public static Guid GetUserId(this ClaimsPrincipal principal) =>
        Guid.Parse(principal.FindFirstValue(AccessTokenClaims.Subject)
            ?? throw new InvalidOperationException("An authenticated principal without a subject."));
}
