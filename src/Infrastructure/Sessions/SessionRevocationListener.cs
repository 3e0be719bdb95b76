using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ShopEase.Infrastructure.Sessions;

/// <summary>
/// LISTENs for the NOTIFY that the <c>sessions</c> trigger sends when a session is revoked on any
/// node, and evicts it here. Reconnects after a failure, clearing the cache since it may have
/// missed notifications meanwhile.
/// </summary>
internal sealed partial class SessionRevocationListener(
    IConfiguration configuration,
    SessionLivenessCache cache,
    ILogger<SessionRevocationListener> logger) : BackgroundService
{
    public const string Channel = "shopease_session_revoked";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Its own connection with TCP keepalives, so a half-dead link is noticed and replaced.
                // (The data source's own ConnectionString hides the password, so read the configured one.)
                var settings = new NpgsqlConnectionStringBuilder(
                    configuration.GetConnectionString(DependencyInjection.ConnectionStringName)) { KeepAlive = 15, Pooling = false };
                await using var connection = new NpgsqlConnection(settings.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var sessionId))
                    {
                        cache.Evict(sessionId);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                cache.Clear();
                delay = TimeSpan.FromSeconds(1);
                LogListening(logger, Channel);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogListenFailed(logger, ex, delay.TotalSeconds);
                cache.Clear();
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Listening for session revocations on {Channel}")]
    private static partial void LogListening(ILogger logger, string channel);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning,
        Message = "Lost the revocation channel; retrying in {Seconds} s (cached answers still expire on their own)")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, double seconds);
}
