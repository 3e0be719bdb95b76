using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ShopEase.Infrastructure.Sessions;

/// <summary>
/// Deletes sessions that expired or were revoked longer than the retention ago, with their refresh
/// tokens (ON DELETE CASCADE), in small batches that skip rows another transaction holds, so a
/// rotation never waits on it; also stale login counters, expired login challenges and expired
/// passkey challenges. Spent tokens of a live session are kept on purpose: replaying one must still
/// revoke the session, however old it is.
/// </summary>
internal sealed partial class ExpiredSessionCleanup(
    NpgsqlDataSource dataSource,
    TimeProvider timeProvider,
    IOptions<HousekeepingOptions> options,
    ILogger<ExpiredSessionCleanup> logger) : BackgroundService
{
    private const string DeleteSessions = """
        DELETE FROM sessions WHERE id IN (
            SELECT id FROM sessions WHERE expires_at < $1 OR revoked_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
        """;

    // Failed-login counters whose window and lock both ended long ago count for nothing any more.
    private const string DeleteLoginThrottles = """
        DELETE FROM login_throttles WHERE email_hash IN (
            SELECT email_hash FROM login_throttles
            WHERE window_started_at < $1 AND (locked_until IS NULL OR locked_until < $1)
            LIMIT $2 FOR UPDATE SKIP LOCKED)
        """;

    // Login challenges are dead five minutes after they were made; the row only takes room after that.
    private const string DeleteMfaChallenges = """
        DELETE FROM mfa_challenges WHERE id IN (
            SELECT id FROM mfa_challenges WHERE expires_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
        """;

    // Mail, once sent or given up on, kept for support as long as ended sessions are; its bodies are
    // already gone. Email tokens that expired; requests a sender gave up on; ended limit windows.
    private static readonly string[] DeleteEmailLeftovers =
    [
        """
        DELETE FROM email_outbox WHERE id IN (
            SELECT id FROM email_outbox WHERE sent_at < $1 OR dead_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
        """,
        """
        DELETE FROM email_tokens WHERE id IN (
            SELECT id FROM email_tokens WHERE expires_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
        """,
        """
        DELETE FROM password_reset_requests WHERE id IN (
            SELECT id FROM password_reset_requests WHERE requested_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
        """,
        """
        DELETE FROM account_rate_limits WHERE key IN (
            SELECT key FROM account_rate_limits WHERE window_started_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
        """,
    ];

    // Passkey ceremonies begun and never finished: useless once expired, so no retention.
    private const string DeletePasskeyChallenges = """
        DELETE FROM passkey_challenges WHERE id IN (
            SELECT id FROM passkey_challenges WHERE expires_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
        """;

    /// <returns>How many sessions were deleted.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var cutoff = now - options.Value.Retention;
        await DeleteInBatchesAsync(DeleteLoginThrottles, cutoff, cancellationToken);
        await DeleteInBatchesAsync(DeleteMfaChallenges, cutoff, cancellationToken);
        foreach (var sql in DeleteEmailLeftovers)
        {
            await DeleteInBatchesAsync(sql, cutoff, cancellationToken);
        }

        await DeleteInBatchesAsync(DeletePasskeyChallenges, now, cancellationToken);
        var sessions = await DeleteInBatchesAsync(DeleteSessions, cutoff, cancellationToken);
        if (sessions > 0)
        {
            LogCleaned(logger, sessions);
        }

        return sessions;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Period, timeProvider);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Housekeeping can wait for the next period; it must never take the app down.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<int> DeleteInBatchesAsync(string sql, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var batchSize = options.Value.BatchSize;
        var total = 0;
        int deleted;
        do
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = cutoff });
            command.Parameters.Add(new NpgsqlParameter { Value = batchSize });
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == batchSize);

        return total;
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information,
        Message = "Housekeeping deleted {Sessions} ended sessions with their refresh tokens")]
    private static partial void LogCleaned(ILogger logger, int sessions);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Housekeeping failed; it will try again next period")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
