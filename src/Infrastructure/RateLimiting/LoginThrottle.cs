using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Options;
using ShopEase.Infrastructure.Persistence.Sql;
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
    private readonly byte[] _key = SigningKeyDerivedKey.Derive(keys, "shopease login throttle"u8.ToArray());

    public async Task<TimeSpan?> CountAttemptAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        await using var command = dataSource.CreateCommand(LoginThrottleSql.CountAttempt);
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

        await using var command = dataSource.CreateCommand(LoginThrottleSql.Delete);
        command.Parameters.Add(new NpgsqlParameter { Value = Key(normalizedEmail) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private byte[] Key(string normalizedEmail) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalizedEmail));
}
