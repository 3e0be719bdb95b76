using ShopEase.Web.Browser;

namespace ShopEase.Web.OpenApi;

/// <summary>
/// Endpoint metadata: the route takes browser mode's <c>X-Token-Transport</c> header, and with
/// <see cref="NeedsCsrfToken"/> also <c>X-CSRF-Token</c>, which <see cref="BrowserTransportHeadersTransformer"/>
/// declares in the OpenAPI document and CORS allows.
/// </summary>
public sealed record BrowserTransportHeaders(bool NeedsCsrfToken)
{
    public IEnumerable<string> Names =>
        NeedsCsrfToken ? [BrowserTransport.ModeHeader, BrowserTransport.CsrfHeader] : [BrowserTransport.ModeHeader];
}
