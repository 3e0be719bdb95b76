using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Options;
using ShopEase.Infrastructure.Security;

namespace ShopEase.Infrastructure.RateLimiting;

/// <summary>
/// Lockout kept in PostgreSQL, so every node counts the same attempts: one upsert per password check,
/// before the check, and one delete per success. An email is named by an HMAC under a key derived from
/// the signing key, so the table cannot be checked against a guessed address by someone without it.
/// </summary>
internal sealed class LoginThrottle(NpgsqlDataSource dataSource, SigningKeyRing keys, TimeProvider timeProvider, IOptions<RateLimitingOptions> options)
    : ILoginThrottle
{
    // One statement counts the attempt and says whether it may go on, so that of N parallel attempts the row
    // lock lets exactly the first LockoutFailures through. The attempt that reaches the limit locks the email
    // at once (it may still check its password, and a right one clears the lock); the ones past it are refused.
    // A window that is over, or a lock that has run out, starts a new count. The count stops at limit + 1.
    //   $1 email key, $2 now, $3 now - window, $4 limit, $5 now + duration (instants computed in the app,
    //   not by timestamptz + interval, whose day arithmetic would follow the session's time zone).
    private const string CountAttemptSql = """
        INSERT INTO login_throttles AS t (email_hash, window_started_at, attempts, locked_until)
        VALUES ($1, $2, 1, CASE WHEN $4 <= 1 THEN $5 END)
        ON CONFLICT (email_hash) DO UPDATE SET
            attempts = CASE WHEN t.locked_until <= $2 OR (t.locked_until IS NULL AND t.window_started_at <= $3)
                THEN 1 ELSE LEAST(t.attempts + 1, $4 + 1) END,
            window_started_at = CASE WHEN t.locked_until <= $2 OR (t.locked_until IS NULL AND t.window_started_at <= $3)
                THEN $2 ELSE t.window_started_at END,
            locked_until = CASE
                WHEN t.locked_until > $2 THEN t.locked_until
                WHEN (CASE WHEN t.locked_until <= $2 OR (t.locked_until IS NULL AND t.window_started_at <= $3)
                    THEN 1 ELSE t.attempts + 1 END) >= $4 THEN $5
                END
        RETURNING attempts, locked_until
        """;

    private const string DeleteSql = "DELETE FROM login_throttles WHERE email_hash = $1";

    private readonly byte[] _key = SigningKeyDerivedKey.Derive(keys, "shopease login throttle"u8.ToArray());

    public async Task<TimeSpan?> CountAttemptAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        await using var command = dataSource.CreateCommand(CountAttemptSql);
        command.Parameters.Add(new NpgsqlParameter { Value = Key(normalizedEmail) });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = now - settings.LockoutWindow });
        command.Parameters.Add(new NpgsqlParameter { Value = settings.LockoutFailures });
        command.Parameters.Add(new NpgsqlParameter { Value = now + settings.LockoutDuration });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.GetInt32(0) <= settings.LockoutFailures)
        {
            return null;
        }

        var lockedUntil = reader.IsDBNull(1) ? now + settings.LockoutDuration : reader.GetFieldValue<DateTimeOffset>(1);
        return lockedUntil > now ? lockedUntil - now : TimeSpan.FromSeconds(1);
    }

    public async Task ResetAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(DeleteSql);
        command.Parameters.Add(new NpgsqlParameter { Value = Key(normalizedEmail) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private byte[] Key(string normalizedEmail) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalizedEmail));
}
