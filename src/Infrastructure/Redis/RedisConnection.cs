using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ShopEase.Infrastructure.Redis;

/// <summary>
/// The Redis connection of the shared limits, made without ever making Redis a reason to fail or to wait:
/// connecting starts with the app and runs in the background (a request does not wait for it), the app
/// starts while Redis is down and reconnects on its own, a command fails at once while the connection is
/// lost (instead of queueing until it returns), and a hung server costs a request at most the command
/// timeout. The callers fall back to counting in memory meanwhile (docs/adr/0010).
/// </summary>
public sealed partial class RedisConnection : IHostedService, IAsyncDisposable
{
    /// <summary>
    /// A StackExchange.Redis configuration string (<c>Redis__Configuration</c>), e.g.
    /// <c>10.0.0.7:6379,password=...,ssl=true</c>. Set, the per-IP limits are counted in Redis and so shared
    /// by every node; unset, each node counts in its own memory.
    /// </summary>
    public const string ConfigurationKey = "Redis:Configuration";

    /// <summary>
    /// Applied before the operator's string, so that any of them set there wins: connect in the
    /// background, and give up on a connect after 2 s and on a command after 1 s.
    /// </summary>
    internal const string Defaults = "abortConnect=false,connectTimeout=2000,asyncTimeout=1000,syncTimeout=1000";

    private readonly Lazy<Task<IConnectionMultiplexer>> _connecting;

    public RedisConnection(string configuration, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger<RedisConnection>();
        _connecting = new(() => ConnectAsync(configuration, loggerFactory, logger));
    }

    /// <summary>
    /// The connection, once the first attempt to make it has ended; while it is still under way (the first
    /// moments after start) this waits for it at most <paramref name="wait"/>, then answers null.
    /// </summary>
    public async ValueTask<IConnectionMultiplexer?> GetAsync(TimeSpan wait)
    {
        var connecting = _connecting.Value;
        if (!connecting.IsCompleted)
        {
            await Task.WhenAny(connecting, Task.Delay(wait));
        }

        return connecting.IsCompletedSuccessfully ? connecting.Result : null;
    }

    /// <summary>Starts connecting with the app, without waiting for it.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = _connecting.Value;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_connecting.IsValueCreated && _connecting.Value.IsCompletedSuccessfully)
        {
            await _connecting.Value.Result.DisposeAsync();
        }
    }

    private static async Task<IConnectionMultiplexer> ConnectAsync(string configuration, ILoggerFactory loggerFactory, ILogger logger)
    {
        try
        {
            var options = ConfigurationOptions.Parse($"{Defaults},{configuration}");
            options.BacklogPolicy = BacklogPolicy.FailFast;
            options.LoggerFactory = loggerFactory;
            return await ConnectionMultiplexer.ConnectAsync(options);
        }
        catch (Exception ex) when (ex is ArgumentException or RedisException)
        {
            LogUnusable(logger, ex);
            throw;
        }
    }

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error,
        Message = "Redis:Configuration cannot be used; the per-IP limits are counted in each node's memory")]
    private static partial void LogUnusable(ILogger logger, Exception exception);
}
