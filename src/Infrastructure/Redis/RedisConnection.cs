using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ShopEase.Infrastructure.Redis;

/// <summary>
/// Connects to Redis without ever making it a reason to fail: the app starts while Redis is down, a
/// command fails at once while the connection is lost (instead of queueing until it returns), and a
/// hung server costs a request at most the command timeout. The callers fall back (docs/adr/0009).
/// </summary>
public static class RedisConnection
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

    public static IConnectionMultiplexer Connect(string configuration, ILoggerFactory loggerFactory)
    {
        var options = ConfigurationOptions.Parse($"{Defaults},{configuration}");
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.LoggerFactory = loggerFactory;
        return ConnectionMultiplexer.Connect(options);
    }
}
