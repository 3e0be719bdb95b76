namespace ShopEase.Web.Http;

/// <summary>
/// Every log line written while serving a request carries the client IP (after trusted-proxy
/// resolution), so audit events need not be told it.
/// </summary>
public sealed class ClientLogScopeMiddleware(RequestDelegate next, ILogger<ClientLogScopeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using (logger.BeginScope(new Dictionary<string, object?> { ["ClientIp"] = context.Connection.RemoteIpAddress?.ToString() }))
        {
            await next(context);
        }
    }
}
