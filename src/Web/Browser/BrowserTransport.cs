using Microsoft.Extensions.Options;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Web.Browser;

/// <summary>
/// The refresh-token transport for browsers (<c>X-Token-Transport: cookie</c>): the token lives only in an
/// HttpOnly <c>__Host-</c> cookie, the body carries a CSRF token instead, and refresh and logout must
/// send it back in <c>X-CSRF-Token</c>. Mobile clients keep the JSON body; one request never mixes both.
/// </summary>
public sealed class BrowserTransport(CsrfTokens csrf, IOptions<ShopEase.Application.Common.Options.SessionOptions> sessions)
{
    public const string ModeHeader = "X-Token-Transport";
    public const string CsrfHeader = "X-CSRF-Token";
    public const string CookieName = "__Host-shopease-refresh";

    /// <summary>Readable by the page (not HttpOnly), so a reloaded page can find its CSRF token again.</summary>
    public const string CsrfCookieName = "__Host-shopease-csrf";

    public static bool IsRequested(HttpContext http) =>
        string.Equals(http.Request.Headers[ModeHeader], "cookie", StringComparison.OrdinalIgnoreCase);

    public static string? RefreshCookie(HttpContext http) =>
        http.Request.Cookies.TryGetValue(CookieName, out var value) && value.Length > 0 ? value : null;

    /// <summary>A token in the body and one in the cookie: the client must pick one transport.</summary>
    public static void RefuseMixedTransports(HttpContext http, string? bodyRefresh)
    {
        if (bodyRefresh is not null && (IsRequested(http) || RefreshCookie(http) is not null))
        {
            throw new ValidationFailedException("refresh",
                "Send the refresh token either in the body or in the cookie (X-Token-Transport: cookie), not both.");
        }
    }

    /// <returns>The session the request's CSRF token was issued for.</returns>
    public Guid RequireCsrf(HttpContext http) =>
        csrf.Verify(http.Request.Headers[CsrfHeader].ToString()) ?? throw new CsrfFailedException();

    public string IssueCsrf(Guid sessionId) => csrf.Issue(sessionId);

    /// <summary>A new token pair of <paramref name="sessionId"/> for a browser: the refresh token into the cookie, the CSRF token into the body.</summary>
    public BrowserTokenResponse Deliver(HttpContext http, Guid sessionId, TokenPair pair)
    {
        var csrfToken = IssueCsrf(sessionId);
        SetCookies(http, pair.Refresh, csrfToken);
        return new BrowserTokenResponse(pair.Access, csrfToken, pair.TokenType, pair.ExpiresIn);
    }

    public void SetCookies(HttpContext http, string refreshToken, string csrfToken)
    {
        var lifetime = sessions.Value.RefreshTokenLifetime;
        http.Response.Cookies.Append(CookieName, refreshToken, CookieOptions(lifetime, httpOnly: true));
        http.Response.Cookies.Append(CsrfCookieName, csrfToken, CookieOptions(lifetime, httpOnly: false));
    }

    public static void ClearCookies(HttpContext http)
    {
        http.Response.Cookies.Append(CookieName, string.Empty, CookieOptions(TimeSpan.Zero, httpOnly: true));
        http.Response.Cookies.Append(CsrfCookieName, string.Empty, CookieOptions(TimeSpan.Zero, httpOnly: false));
    }

    private static CookieOptions CookieOptions(TimeSpan maxAge, bool httpOnly) => new()
    {
        HttpOnly = httpOnly,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        MaxAge = maxAge,
        IsEssential = true,
    };
}
