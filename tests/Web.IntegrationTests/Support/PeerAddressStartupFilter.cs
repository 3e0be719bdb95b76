using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>
/// The in-memory test server has no socket peer; this gives each request the one named in the
/// test-only <c>X-Test-Peer</c> header, as if it had come from that address.
/// </summary>
public sealed class PeerAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(
                context.Request.Headers.TryGetValue(Header, out var peer) ? peer.ToString() : "192.0.2.1");
            return nextMiddleware(context);
        });
        next(app);
    };
}
