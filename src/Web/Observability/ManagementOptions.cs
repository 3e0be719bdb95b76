namespace ShopEase.Web.Observability;

/// <summary>
/// Section <c>Management</c>: a listener of its own for the Prometheus scrape (<c>GET /metrics</c>), apart
/// from the public port, which never serves it. Off unless <see cref="Port"/> is set.
/// </summary>
public sealed class ManagementOptions
{
    public const string SectionName = "Management";

    public int? Port { get; set; }

    /// <summary>The address the listener binds: loopback by default; <c>0.0.0.0</c> for a Prometheus on another host.</summary>
    public string Address { get; set; } = "127.0.0.1";
}
