using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Options;

namespace ShopEase.Infrastructure.RateLimiting;

/// <summary>
/// Lockout kept in PostgreSQL, so every node counts the same failures: one upsert per failed
/// login, one read per attempt, one delete per success.
/// </summary>
internal sealed class LoginThrottle(NpgsqlDataSource dataSource, TimeProvider timeProvider, IOptions<RateLimitingOptions> options)
    : ILoginThrottle
{
    private const string SelectLock = "SELECT locked_until FROM login_throttles WHERE email_hash = $1";

    // A failure outside the window starts a new one; reaching the limit locks until now + duration.
    private const string Upsert = """
        INSERT INTO login_throttles (email_hash, window_started_at, failures, locked_until)
        VALUES ($1, $2, 1, CASE WHEN $4 <= 1 THEN $2 + $5 END)
        ON CONFLICT (email_hash) DO UPDATE SET
            failures = CASE WHEN login_throttles.window_started_at <= $2 - $3 THEN 1 ELSE login_throttles.failures + 1 END,
            window_started_at = CASE WHEN login_throttles.window_started_at <= $2 - $3 THEN $2 ELSE login_throttles.window_started_at END,
            locked_until = CASE
                WHEN (CASE WHEN login_throttles.window_started_at <= $2 - $3 THEN 1 ELSE login_throttles.failures + 1 END) >= $4
                THEN $2 + $5
                ELSE login_throttles.locked_until END
        """;

    private const string Delete = "DELETE FROM login_throttles WHERE email_hash = $1";

    public async Task<TimeSpan?> LockedForAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return null;
        }

        await using var command = dataSource.CreateCommand(SelectLock);
        command.Parameters.Add(new NpgsqlParameter { Value = Key(normalizedEmail) });
        var lockedUntil = await command.ExecuteScalarAsync(cancellationToken) as DateTime?;
        if (lockedUntil is null)
        {
            return null;
        }

        var remaining = new DateTimeOffset(lockedUntil.Value, TimeSpan.Zero) - timeProvider.GetUtcNow();
        return remaining > TimeSpan.Zero ? remaining : null;
    }

    public async Task RecordFailureAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(Upsert);
        command.Parameters.Add(new NpgsqlParameter { Value = Key(normalizedEmail) });
        command.Parameters.Add(new NpgsqlParameter { Value = timeProvider.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter { Value = settings.LockoutWindow });
        command.Parameters.Add(new NpgsqlParameter { Value = settings.LockoutFailures });
        command.Parameters.Add(new NpgsqlParameter { Value = settings.LockoutDuration });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ResetAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(Delete);
        command.Parameters.Add(new NpgsqlParameter { Value = Key(normalizedEmail) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static byte[] Key(string normalizedEmail) => SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail));
}
