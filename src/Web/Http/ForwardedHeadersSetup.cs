using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ShopEase.Web.Http;

/// <summary>
/// X-Forwarded-For counts only when it comes from a proxy named in <c>ForwardedHeaders:KnownProxies</c>.
/// The framework would otherwise trust any loopback peer, so its defaults are cleared.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies holds '{proxy}', which is not an IP address."));
            }
        });
        return services;
    }
}
