using System.Net;
using System.Net.Sockets;

namespace ShopEase.Web.Http;

/// <summary>
/// The budget a client address counts against in the per-IP limits: an IPv4 address by itself, an IPv6
/// address by the /64 it lies in. A subscriber is usually given a whole /64 and can pick any address in
/// it for free, so counting full IPv6 addresses would hand one client 2^64 budgets.
/// </summary>
public static class ClientNetwork
{
    private const int Ipv6PrefixBytes = 8;

    public static string PartitionKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[Ipv6PrefixBytes..].Clear();
        return $"{new IPAddress(bytes)}/64";
    }
}
