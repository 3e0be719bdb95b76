using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using ShopEase.Application.Common.Options;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Sessions;
using ShopEase.Infrastructure.Security;
using ShopEase.Infrastructure.Sessions;

namespace ShopEase.Infrastructure.Persistence;

internal sealed class RefreshTokenStore(
    ShopEaseDbContext db,
    NpgsqlDataSource dataSource,
    SessionLivenessCache liveness,
    IOptions<RateLimitingOptions> rateLimits,
    IOptions<SessionOptions> sessions)
    : IRefreshTokenStore
{
    /// <summary>The window of <see cref="RateLimitingOptions.RefreshPerSessionPerMinute"/>.</summary>
    internal static readonly TimeSpan RefreshWindow = TimeSpan.FromMinutes(1);

    // The whole rotation in one statement and one round trip (the load benchmark measured each round
    // trip as a large share of a refresh's cost, in both processes). In order:
    //   found      the token by its hash, with its session and account (the statement's snapshot);
    //   live       a live, unspent token of an active account touches its session and counts the refresh
    //              in the session's one-minute window (PostgreSQL counts, so every node shares the limit);
    //              a session over the limit is left alone, and so is its token (the losers of a race
    //              below are counted too: each was an attempt with the session's token);
    //   spent      the token is spent, only if still unspent under its row lock: of concurrent
    //              rotations of one token exactly one finds spent_at null, the others find it spent once the
    //              first commits and change nothing (they lost a race; they did not replay);
    //   successor  the next token, never outliving its session (AuthSession.RefreshTokenExpiry's rule).
    // With $3 (the session a CSRF token proved) a token of another session is not touched. All of it
    // commits together or not at all. The rare outcomes that end a session (a replay, an account
    // switched off) take a second statement.
    private const string RotateSql = """
        WITH found AS (
            SELECT t.id AS token_id, t.spent_at, t.expires_at AS token_expires_at,
                   s.id AS session_id, s.user_id, s.revoked_at, s.expires_at AS session_expires_at,
                   s.refresh_window_started_at, s.refresh_count, u.is_active
            FROM refresh_tokens t
            JOIN sessions s ON s.id = t.session_id
            JOIN users u ON u.id = s.user_id
            WHERE t.token_hash = $2),
        live AS (
            UPDATE sessions SET
                last_used_at = $1,
                refresh_window_started_at = CASE WHEN refresh_window_started_at > $7
                    THEN refresh_window_started_at ELSE $1 END,
                refresh_count = CASE WHEN refresh_window_started_at > $7 THEN refresh_count + 1 ELSE 1 END
            WHERE id = (SELECT session_id FROM found
                        WHERE spent_at IS NULL AND is_active AND token_expires_at > $1 AND session_id = COALESCE($3, session_id))
              AND revoked_at IS NULL AND expires_at > $1
              AND (refresh_window_started_at IS NULL OR refresh_window_started_at <= $7 OR refresh_count < $6)
            RETURNING id, expires_at),
        spent AS (
            UPDATE refresh_tokens SET spent_at = $1
            WHERE id = (SELECT token_id FROM found) AND spent_at IS NULL AND EXISTS (SELECT 1 FROM live)
            RETURNING session_id),
        successor AS (
            INSERT INTO refresh_tokens (id, session_id, token_hash, created_at, expires_at)
            SELECT $4, live.id, $5, $1, LEAST($8, live.expires_at) FROM live JOIN spent ON spent.session_id = live.id
            RETURNING id)
        SELECT f.session_id, f.user_id, f.spent_at IS NOT NULL, f.is_active,
               f.revoked_at IS NULL AND f.session_expires_at > $1 AND f.token_expires_at > $1,
               f.refresh_window_started_at, f.refresh_count, EXISTS (SELECT 1 FROM successor), f.spent_at
        FROM found f
        """;

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
                StartSessionSql,
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

    // A session and its first token in one statement, only while the account is active and its password
    // stamp is still the one the password was checked against. FOR SHARE makes a password change's UPDATE of
    // the account wait until this has committed (its revocation of the other sessions then sees this one), or,
    // if the change came first, makes this wait for it and then find the stamp changed and insert nothing.
    private const string StartSessionSql = """
        WITH account AS (
            SELECT id FROM users WHERE id = $2 AND password_stamp = $3 AND is_active FOR SHARE),
        session AS (
            INSERT INTO sessions (id, user_id, created_at, last_used_at, expires_at, user_agent, ip_address, refresh_count)
            SELECT $1, id, $4, $4, $5, $6, $7, 0 FROM account
            RETURNING id)
        INSERT INTO refresh_tokens (id, session_id, token_hash, created_at, expires_at)
        SELECT $8, id, $9, $4, $10 FROM session
        """;

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
        return await SessionRepository.RevokeWhereAsync(db, liveness, sessions, now, cancellationToken) > 0;
    }

    public Task RevokeSessionAsync(Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        SessionRepository.RevokeWhereAsync(db, liveness, db.Sessions.Where(s => s.Id == sessionId), now, cancellationToken);

    public async Task<string?> ReplaceRefreshTokenAsync(
        Guid sessionId, DateTimeOffset now, TimeSpan refreshTokenLifetime, CancellationToken cancellationToken)
    {
        // Joins the caller's transaction when there is one (a password change), else is its own.
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
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
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return token;
    }

    private async Task<RotationRow?> RunRotationAsync(
        byte[] hash, DateTimeOffset now, Guid? requiredSessionId, byte[] newHash, int? limit, TimeSpan refreshTokenLifetime,
        CancellationToken cancellationToken)
    {
        await using var rotate = dataSource.CreateCommand(RotateSql);
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
