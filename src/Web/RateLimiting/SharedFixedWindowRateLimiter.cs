using System.Threading.RateLimiting;
using RedisRateLimiting;
using ShopEase.Infrastructure.Redis;
using StackExchange.Redis;

namespace ShopEase.Web.RateLimiting;

/// <summary>
/// A fixed window counted in Redis by one atomic script, so every node spends the same budget. While Redis
/// cannot answer (not connected, a command error or timeout), this node counts the same window in its own
/// memory instead: the limit fails open to the per-node budget, never to no limit and never to refusing
/// everyone (docs/adr/0010). A replenishing limiter, so that the partitioned limiter's heartbeat refills the
/// in-memory window and drops the partition once it has been idle.
/// </summary>
internal sealed partial class SharedFixedWindowRateLimiter : ReplenishingRateLimiter
{
    /// <summary>Keeps ShopEase's counters apart from anything else in the same Redis.</summary>
    internal const string KeyPrefix = "shopease:";

    /// <summary>How long a request right after start may wait for the first connection before counting locally.</summary>
    private static readonly TimeSpan FirstConnectWait = TimeSpan.FromMilliseconds(250);

    private static readonly RateLimitLease NotAttempted = new SharedLease(isAcquired: false, retryAfter: null);

    private readonly string _key;
    private readonly int _permits;
    private readonly TimeSpan _window;
    private readonly RedisConnection _redis;
    private readonly FixedWindowRateLimiter _local;
    private readonly ILogger _logger;
    private RedisFixedWindowRateLimiter<string>? _shared;

    public SharedFixedWindowRateLimiter(string key, int permits, TimeSpan window, RedisConnection redis, ILogger logger)
    {
        _key = KeyPrefix + key;
        _permits = permits;
        _window = window;
        _redis = redis;
        _logger = logger;
        _local = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = false,
        });
    }

    public override TimeSpan? IdleDuration =>
        (_shared is null ? _local.IdleDuration : _shared.IdleDuration, _local.IdleDuration) is ({ } shared, { } local)
            ? TimeSpan.FromTicks(Math.Min(shared.Ticks, local.Ticks))
            : null;

    public override bool IsAutoReplenishing => false;

    public override TimeSpan ReplenishmentPeriod => _local.ReplenishmentPeriod;

    public override bool TryReplenish() => _local.TryReplenish();

    /// <summary>Counting needs a round trip to Redis: this sends the rate limiting middleware on to <see cref="AcquireAsyncCore"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => NotAttempted;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (await _redis.GetAsync(FirstConnectWait) is { IsConnected: true } connection)
        {
            try
            {
                using var lease = await Shared(connection).AcquireAsync(permitCount, cancellationToken);
                return new SharedLease(
                    lease.IsAcquired,
                    lease.TryGetMetadata(RedisRateLimiting.RateLimitMetadataName.RetryAfter, out var seconds) ? TimeSpan.FromSeconds(seconds) : null);
            }
            catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
            {
                LogCountedLocally(_logger, ex);
            }
        }

        return await _local.AcquireAsync(permitCount, cancellationToken);
    }

    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>The library's limiter, made once the connection exists (it takes the connection when it is made).</summary>
    private RedisFixedWindowRateLimiter<string> Shared(IConnectionMultiplexer connection)
    {
        var shared = Volatile.Read(ref _shared);
        if (shared is null)
        {
            var made = new RedisFixedWindowRateLimiter<string>(_key, new RedisFixedWindowRateLimiterOptions
            {
                PermitLimit = _permits,
                Window = _window,
                ConnectionMultiplexerFactory = () => connection,
            });
            shared = Interlocked.CompareExchange(ref _shared, made, null) ?? made;
            if (!ReferenceEquals(shared, made))
            {
                made.Dispose();
            }
        }

        return shared;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _shared?.Dispose();
            _local.Dispose();
        }

        base.Dispose(disposing);
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning,
        Message = "Redis did not answer a rate limit; counting it in this node's memory until it does")]
    private static partial void LogCountedLocally(ILogger logger, Exception exception);

    /// <summary>Carries Retry-After under the framework's own metadata name, which the 429 writer reads.</summary>
    private sealed class SharedLease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
