using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Sessions;

/// <summary>
/// The per-request revocation check: an in-memory answer per session, loaded from PostgreSQL on a
/// miss, evicted at once on the node that revokes and by NOTIFY on every other node, and never
/// trusted for longer than <see cref="RevocationOptions.CacheDuration"/>.
/// </summary>
internal sealed class SessionLivenessCache : ISessionLiveness, IDisposable
{
    private const string Query = """
        SELECT s.user_id, s.expires_at
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND u.is_active
        """;

    private static readonly SessionState NotLive = new(Guid.Empty, DateTimeOffset.MinValue);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 200_000 });
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;
    private readonly RevocationOptions _options;

    public SessionLivenessCache(NpgsqlDataSource dataSource, TimeProvider timeProvider, IOptions<RevocationOptions> options)
    {
        _dataSource = dataSource;
        _timeProvider = timeProvider;
        _options = options.Value;
    }

    public async ValueTask<bool> IsLiveAsync(Guid sessionId, Guid userId, CancellationToken cancellationToken)
    {
        if (!_options.CheckEnabled)
        {
            return true;
        }

        if (!_cache.TryGetValue(sessionId, out SessionState? state) || state is null)
        {
            state = await LoadAsync(sessionId, cancellationToken);
            _cache.Set(sessionId, state, new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = _options.CacheDuration,
            });
        }

        return state.UserId == userId && _timeProvider.GetUtcNow() < state.ExpiresAt;
    }

    public void Evict(Guid sessionId) => _cache.Remove(sessionId);

    /// <summary>After a gap in notifications nothing cached can be trusted.</summary>
    public void Clear() => _cache.Clear();

    public void Dispose() => _cache.Dispose();

    private async Task<SessionState> LoadAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(Query);
        command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SessionState(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1))
            : NotLive;
    }

    private sealed record SessionState(Guid UserId, DateTimeOffset ExpiresAt);
}
