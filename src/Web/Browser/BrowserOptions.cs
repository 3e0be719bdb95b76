namespace ShopEase.Web.Browser;

/// <summary>Section <c>Browser</c>: the cookie transport for browser front ends.</summary>
public sealed class BrowserOptions
{
    public const string SectionName = "Browser";

    /// <summary>
    /// HMAC key for CSRF tokens, base64, at least 256 bits. When empty with HS256 it is derived from
    /// the signing key (HKDF, its own label); with ES256/RS256 it must be set.
    /// </summary>
    public string? CsrfKey { get; set; }
}
