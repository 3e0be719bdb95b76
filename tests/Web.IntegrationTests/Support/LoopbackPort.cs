using System.Net;
using System.Net.Sockets;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>A TCP port of 127.0.0.1 that nothing listened on a moment ago, for a process a test starts.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
