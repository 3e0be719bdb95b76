using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ShopEase.Application.Common.Options;

namespace ShopEase.Infrastructure.RateLimiting;

/// <summary>
/// Refreshes per session per minute, with the same limiter library ASP.NET Core's middleware uses.
/// It runs where the session first becomes known (the token lookup), so a refused refresh leaves
/// its token unspent. Counted per node.
/// </summary>
internal sealed class SessionRefreshLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter;
    private readonly bool _enabled;

    public SessionRefreshLimiter(IOptions<RateLimitingOptions> options)
    {
        var settings = options.Value;
        _enabled = settings.Enabled;
        _limiter = PartitionedRateLimiter.Create<Guid, Guid>(sessionId => RateLimitPartition.GetFixedWindowLimiter(
            sessionId,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.RefreshPerSessionPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <returns><c>null</c> when admitted, otherwise how long to wait.</returns>
    public TimeSpan? TryAdmit(Guid sessionId)
    {
        if (!_enabled)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(sessionId);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
