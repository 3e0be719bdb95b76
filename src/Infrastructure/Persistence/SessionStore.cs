using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using ShopEase.Application.Common.Options;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Sessions;
using ShopEase.Infrastructure.Persistence.Sql;
using ShopEase.Infrastructure.Security;
using ShopEase.Infrastructure.Sessions;

namespace ShopEase.Infrastructure.Persistence;

/// <summary>
/// Sessions and refresh tokens in one place: the hot paths (sign-in, refresh) run the statements of
/// <see cref="SessionSql"/>, the rest goes through EF Core.
/// </summary>
internal sealed class SessionStore(
    ShopEaseDbContext db,
    NpgsqlDataSource dataSource,
    SessionLivenessCache liveness,
    IOptions<RateLimitingOptions> rateLimits,
    IOptions<SessionOptions> sessions)
    : ISessionStore
{
    /// <summary>The window of <see cref="RateLimitingOptions.RefreshPerSessionPerMinute"/>.</summary>
    private static readonly TimeSpan RefreshWindow = TimeSpan.FromMinutes(1);

    public async Task<string?> StartSessionAsync(
        AuthSession session, DateTimeOffset refreshTokenExpiresAt, Guid passwordStamp, CancellationToken cancellationToken)
    {
        var (token, hash) = OpaqueToken.Create();
        var first = RefreshToken.Issue(session.Id, hash, session.CreatedAt, refreshTokenExpiresAt);

        // On the context's connection, so that it joins a sign-up's transaction (whose new account only it can see).
        await db.Database.OpenConnectionAsync(cancellationToken);
        int started;
        try
        {
            await using var command = new NpgsqlCommand(
                SessionSql.StartSession,
                (NpgsqlConnection)db.Database.GetDbConnection(),
                (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
            command.Parameters.Add(new NpgsqlParameter { Value = session.Id });
            command.Parameters.Add(new NpgsqlParameter { Value = session.UserId });
            command.Parameters.Add(new NpgsqlParameter { Value = passwordStamp });
            command.Parameters.Add(new NpgsqlParameter { Value = session.CreatedAt });
            command.Parameters.Add(new NpgsqlParameter { Value = session.ExpiresAt });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = session.UserAgent ?? (object)DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = session.IpAddress ?? (object)DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { Value = first.Id });
            command.Parameters.Add(new NpgsqlParameter { Value = first.TokenHash });
            command.Parameters.Add(new NpgsqlParameter { Value = first.ExpiresAt });
            started = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return started == 1 ? token : null;
    }

    public async Task<RefreshRotation> RotateAsync(
        string refreshToken,
        DateTimeOffset now,
        TimeSpan refreshTokenLifetime,
        CancellationToken cancellationToken,
        Guid? requiredSessionId = null)
    {
        if (!OpaqueToken.TryHash(refreshToken, out var hash))
        {
            return RefreshRotation.Rejected;
        }

        var limits = rateLimits.Value;
        int? limit = limits.Enabled ? limits.RefreshPerSessionPerMinute : null;
        var (token, newHash) = OpaqueToken.Create();
        var row = await RunRotationAsync(hash, now, requiredSessionId, newHash, limit, refreshTokenLifetime, cancellationToken);
        if (row is null)
        {
            return RefreshRotation.Rejected;
        }

        var (sessionId, userId, spent, accountActive, live, windowStartedAt, refreshCount, rotated, spentAt) = row;
        if (requiredSessionId is { } required && required != sessionId)
        {
            return RefreshRotation.WrongSession;
        }

        if (rotated)
        {
            return RefreshRotation.Rotated(userId, sessionId, token);
        }

        if (spent && spentAt > now - sessions.Value.RefreshTokenReuseGrace)
        {
            // Moments after its rotation: most likely a second tab that lost the race for the shared
            // cookie, and may retry with the cookie the winner set. Refused, but nobody is logged out.
            return RefreshRotation.SpentWithinGrace(userId, sessionId);
        }

        if (spent)
        {
            // A spent token was presented again: one of the two holders is a thief, so neither
            // keeps the session.
            await RevokeSessionAsync(sessionId, now, cancellationToken);
            return RefreshRotation.ReuseDetected(userId, sessionId);
        }

        if (!accountActive)
        {
            // Deactivation revokes every session in its own transaction; this catches an account
            // switched off by other means (an operator's SQL) and ends its session for good.
            await RevokeSessionAsync(sessionId, now, cancellationToken);
            return RefreshRotation.Rejected;
        }

        if (live && accountActive && limit is { } permits && windowStartedAt is { } started
            && started > now - RefreshWindow && refreshCount >= permits)
        {
            var wait = started + RefreshWindow - now;
            return RefreshRotation.RateLimited(wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1));
        }

        // Unknown, expired, revoked, or a concurrent rotation of the same token won.
        return RefreshRotation.Rejected;
    }

    public async Task<bool> RevokeSessionOfTokenAsync(
        string refreshToken, Guid userId, DateTimeOffset now, CancellationToken cancellationToken, Guid? requiredSessionId = null)
    {
        if (!OpaqueToken.TryHash(refreshToken, out var hash))
        {
            return false;
        }

        var sessions = db.Sessions.Where(s => s.UserId == userId && s.ExpiresAt > now
            && (requiredSessionId == null || s.Id == requiredSessionId)
            && db.RefreshTokens.Any(t => t.SessionId == s.Id && t.TokenHash == hash && t.SpentAt == null && t.ExpiresAt > now));
        return await RevokeWhereAsync(sessions, now, cancellationToken) > 0;
    }

    public Task RevokeSessionAsync(Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        RevokeWhereAsync(db.Sessions.Where(s => s.Id == sessionId), now, cancellationToken);

    public async Task<bool> RevokeAsync(Guid userId, Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await RevokeWhereAsync(
            db.Sessions.Where(s => s.Id == sessionId && s.UserId == userId && s.ExpiresAt > now), now, cancellationToken) > 0;

    public Task<int> RevokeAllAsync(Guid userId, Guid? exceptSessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        RevokeWhereAsync(
            db.Sessions.Where(s => s.UserId == userId && (exceptSessionId == null || s.Id != exceptSessionId)), now, cancellationToken);

    public async Task<IReadOnlyList<AuthSession>> ListLiveAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            ct => db.Sessions.AsNoTracking()
                .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
                .OrderByDescending(s => s.LastUsedAt)
                .ToListAsync(ct),
            cancellationToken);

    public async Task<string?> ReplaceRefreshTokenAsync(
        Guid sessionId, DateTimeOffset now, TimeSpan refreshTokenLifetime, CancellationToken cancellationToken)
    {
        db.RequireTransaction();
        // The session's row lock, which a concurrent rotation also takes (its UPDATE of the session): a rotation
        // either commits before this reads the session's tokens, so its successor is spent below, or waits and
        // then finds its token spent. Without it a successor committed mid-way stayed live in the reset session.
        var session = await db.Sessions.FromSql($"SELECT * FROM sessions WHERE id = {sessionId} FOR UPDATE")
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
        if (session is null || !session.IsLiveAt(now))
        {
            return null;
        }

        await db.RefreshTokens
            .Where(t => t.SessionId == sessionId && t.SpentAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.SpentAt, now), cancellationToken);
        var (token, hash) = OpaqueToken.Create();
        db.RefreshTokens.Add(RefreshToken.Issue(sessionId, hash, now, session.RefreshTokenExpiry(now, refreshTokenLifetime)));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// Revokes the live sessions among <paramref name="sessions"/> and evicts them from this node's
    /// cache at once; the table's trigger NOTIFYs every other node. Every revoking path comes through here.
    /// </summary>
    private async Task<int> RevokeWhereAsync(IQueryable<AuthSession> sessions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = await sessions.Where(s => s.RevokedAt == null).Select(s => s.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var revoked = await db.Sessions
            .Where(s => ids.Contains(s.Id) && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), cancellationToken);
        foreach (var id in ids)
        {
            liveness.Evict(id);
        }

        return revoked;
    }

    private async Task<RotationRow?> RunRotationAsync(
        byte[] hash, DateTimeOffset now, Guid? requiredSessionId, byte[] newHash, int? limit, TimeSpan refreshTokenLifetime,
        CancellationToken cancellationToken)
    {
        await using var rotate = dataSource.CreateCommand(SessionSql.Rotate);
        rotate.Parameters.Add(new NpgsqlParameter { Value = now });
        rotate.Parameters.Add(new NpgsqlParameter { Value = hash });
        rotate.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = requiredSessionId ?? (object)DBNull.Value });
        rotate.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7(now) });
        rotate.Parameters.Add(new NpgsqlParameter { Value = newHash });
        rotate.Parameters.Add(new NpgsqlParameter { Value = limit ?? int.MaxValue });
        // Instants computed here rather than timestamptz + interval in SQL, whose day arithmetic would
        // follow the server session's time zone across a DST change.
        rotate.Parameters.Add(new NpgsqlParameter { Value = now - RefreshWindow });
        rotate.Parameters.Add(new NpgsqlParameter { Value = now + refreshTokenLifetime });

        // Disposed exactly once, here: Npgsql reuses a connection's reader object, so a second
        // dispose after the connection went back to the pool closes another request's reader
        // (the load benchmark caught it as a rare 500 in a concurrent refresh).
        await using var reader = await rotate.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new RotationRow(
            SessionId: reader.GetGuid(0),
            UserId: reader.GetGuid(1),
            Spent: reader.GetBoolean(2),
            AccountActive: reader.GetBoolean(3),
            Live: reader.GetBoolean(4),
            WindowStartedAt: reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            RefreshCount: reader.GetInt32(6),
            Rotated: reader.GetBoolean(7),
            SpentAt: reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8));
    }

    /// <summary>What the rotation statement saw and did.</summary>
    private sealed record RotationRow(
        Guid SessionId,
        Guid UserId,
        bool Spent,
        bool AccountActive,
        bool Live,
        DateTimeOffset? WindowStartedAt,
        int RefreshCount,
        bool Rotated,
        DateTimeOffset? SpentAt);
}
