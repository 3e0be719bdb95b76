using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Options;

namespace ShopEase.Infrastructure.RateLimiting;

/// <summary>
/// <see cref="IAccountRateLimiter"/> in PostgreSQL, so every node counts the same requests: one upsert per
/// attempt, which counts it and answers the count in the same statement (no read-then-write race).
/// </summary>
internal sealed class AccountRateLimiter(NpgsqlDataSource dataSource, TimeProvider timeProvider, IOptions<RateLimitingOptions> options)
    : IAccountRateLimiter
{
    internal static readonly TimeSpan Window = TimeSpan.FromHours(1);

    // A count whose window ended starts a new window at 1.
    private const string Count = """
        INSERT INTO account_rate_limits (key, window_started_at, count) VALUES ($1, $2, 1)
        ON CONFLICT (key) DO UPDATE SET
            count = CASE WHEN account_rate_limits.window_started_at <= $3 THEN 1 ELSE account_rate_limits.count + 1 END,
            window_started_at = CASE WHEN account_rate_limits.window_started_at <= $3 THEN $2 ELSE account_rate_limits.window_started_at END
        RETURNING count, window_started_at
        """;

    public async Task<TimeSpan?> TryAcquireAsync(string action, string account, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        await using var command = dataSource.CreateCommand(Count);
        command.Parameters.Add(new NpgsqlParameter { Value = SHA256.HashData(Encoding.UTF8.GetBytes($"{action}\n{account}")) });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = now - Window });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var count = reader.GetInt32(0);
        var windowStartedAt = reader.GetFieldValue<DateTimeOffset>(1);
        if (count <= settings.EmailPerAccountPerHour)
        {
            return null;
        }

        var wait = windowStartedAt + Window - now;
        return wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1);
    }
}
