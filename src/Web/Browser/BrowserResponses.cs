using ShopEase.Application.Auth.Models;

namespace ShopEase.Web.Browser;

/// <summary>Register and login in browser mode: the refresh token went into the cookie, the CSRF token comes here.</summary>
public sealed record BrowserAuthResponse(UserDto User, string Access, string CsrfToken, string TokenType, int ExpiresIn);

/// <summary>Refresh in browser mode.</summary>
public sealed record BrowserTokenResponse(string Access, string CsrfToken, string TokenType, int ExpiresIn);
