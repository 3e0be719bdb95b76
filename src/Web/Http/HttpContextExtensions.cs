using ShopEase.Application.Common;

namespace ShopEase.Web.Http;

public static class HttpContextExtensions
{
    private const int MaxUserAgentLength = 512;

    public static ClientInfo GetClientInfo(this HttpContext context)
    {
        var userAgent = context.Request.Headers.UserAgent.ToString();
        return new ClientInfo(
            userAgent.Length == 0 ? null : userAgent[..Math.Min(userAgent.Length, MaxUserAgentLength)],
            context.Connection.RemoteIpAddress?.ToString());
    }
}
