namespace ShopEase.Web.Http;

/// <summary>
/// <c>nosniff</c>, <c>DENY</c> framing and <c>no-referrer</c> on every response, <c>no-store</c> on every auth response: tokens and personal
/// data must not be cached. Set when the response starts, so error responses get them too.
/// </summary>
public sealed class ResponseHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(
            static state =>
            {
                var http = (HttpContext)state;
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.XFrameOptions = "DENY";
                http.Response.Headers["Referrer-Policy"] = "no-referrer";
                if (http.Request.Path.StartsWithSegments(Endpoints.AuthEndpoints.BasePath, StringComparison.OrdinalIgnoreCase)
                    || http.Request.Path.StartsWithSegments(Endpoints.AdminEndpoints.BasePath, StringComparison.OrdinalIgnoreCase))
                {
                    http.Response.Headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            },
            context);
        return next(context);
    }
}
