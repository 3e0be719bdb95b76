using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ShopEase.Web.Http;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto count only when they come from a proxy named in
/// <c>ForwardedHeaders:KnownProxies</c>. With no proxy named, they are not read at all.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];

        // PostConfigure has the last word, also over the host's own setup when ASPNETCORE_FORWARDEDHEADERS_ENABLED
        // is set (which clears both lists and adds a second middleware).
        services.PostConfigure<ForwardedHeadersOptions>(o =>
        {
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies holds '{proxy}', which is not an IP address."));
            }

            // The middleware checks the peer only when one of the lists holds something: with both empty it
            // would take the headers from anyone. The framework's default of trusting loopback is no better,
            // since a client on this host could then pick its own address.
            o.ForwardedHeaders = o.KnownProxies.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        return services;
    }
}
