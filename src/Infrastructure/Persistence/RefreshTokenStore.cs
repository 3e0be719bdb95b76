using Microsoft.EntityFrameworkCore;
using Npgsql;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Sessions;
using ShopEase.Infrastructure.RateLimiting;
using ShopEase.Infrastructure.Security;
using ShopEase.Infrastructure.Sessions;

namespace ShopEase.Infrastructure.Persistence;

internal sealed class RefreshTokenStore(
    ShopEaseDbContext db, NpgsqlDataSource dataSource, SessionLivenessCache liveness, SessionRefreshLimiter limiter)
    : IRefreshTokenStore
{
    // Spends the token, touches its session and stores the successor in one statement, so in one atomic
    // step: all three happen or none does. Of concurrent rotations of one token only one still finds
    // spent_at null (the row lock makes the others read it again once the first commits), and a session
    // revoked or expired meanwhile leaves its token unspent.
    private const string RotateSql = """
        WITH live AS (
            UPDATE sessions SET last_used_at = $1
            WHERE id = $2 AND revoked_at IS NULL AND expires_at > $1
            RETURNING id),
        spent AS (
            UPDATE refresh_tokens SET spent_at = $1
            WHERE id = $3 AND spent_at IS NULL AND EXISTS (SELECT 1 FROM live)
            RETURNING session_id)
        INSERT INTO refresh_tokens (id, session_id, token_hash, created_at, expires_at)
        SELECT $4, session_id, $5, $1, $6 FROM spent
        """;

    // Plain SQL rather than EF Core: refresh is the hottest write path, and the profile found EF Core's
    // query pipeline a large share of its CPU. The account's flag comes along so that no second
    // round trip is needed to refuse a deactivated account.
    private const string FindForRotationSql = """
        SELECT t.id, t.spent_at, t.expires_at, s.id, s.user_id, s.revoked_at, s.expires_at, u.is_active
        FROM refresh_tokens t
        JOIN sessions s ON s.id = t.session_id
        JOIN users u ON u.id = s.user_id
        WHERE t.token_hash = $1
        """;

    public async Task<string> StartSessionAsync(
        AuthSession session, DateTimeOffset refreshTokenExpiresAt, CancellationToken cancellationToken)
    {
        var (token, hash) = OpaqueToken.Create();
        db.Sessions.Add(session);
        db.RefreshTokens.Add(RefreshToken.Issue(session.Id, hash, session.CreatedAt, refreshTokenExpiresAt));
        await db.SaveChangesAsync(cancellationToken);
        return token;
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

        var found = await FindForRotationAsync(hash, cancellationToken);
        if (found is null)
        {
            return RefreshRotation.Rejected;
        }

        if (requiredSessionId is { } required && required != found.SessionId)
        {
            return RefreshRotation.WrongSession;
        }

        if (found.SpentAt is not null)
        {
            // A spent token was presented again: one of the two holders is a thief, so neither
            // keeps the session.
            await RevokeSessionAsync(found.SessionId, now, cancellationToken);
            return RefreshRotation.ReuseDetected(found.UserId, found.SessionId);
        }

        if (!found.AccountActive)
        {
            // Deactivation revokes every session in its own transaction; this catches an account
            // switched off by other means (an operator's SQL) and ends its session for good.
            await RevokeSessionAsync(found.SessionId, now, cancellationToken);
            return RefreshRotation.Rejected;
        }

        if (found.SessionRevokedAt is not null || found.SessionExpiresAt <= now || found.ExpiresAt <= now)
        {
            return RefreshRotation.Rejected;
        }

        if (limiter.TryAdmit(found.SessionId) is { } wait)
        {
            return RefreshRotation.RateLimited(wait);
        }

        // One round trip instead of four (two updates, an insert, the commit): the load benchmark
        // found refresh spending most of its CPU on those round trips and on EF Core building each statement.
        // The losers of a race read the token as live, so they lost it rather than replayed a spent token,
        // and they leave the session alone.
        var (token, newHash) = OpaqueToken.Create();
        var successor = RefreshToken.Issue(
            found.SessionId, newHash, now, AuthSession.RefreshTokenExpiry(found.SessionExpiresAt, now, refreshTokenLifetime));
        await using var rotate = dataSource.CreateCommand(RotateSql);
        rotate.Parameters.Add(new NpgsqlParameter { Value = now });
        rotate.Parameters.Add(new NpgsqlParameter { Value = found.SessionId });
        rotate.Parameters.Add(new NpgsqlParameter { Value = found.TokenId });
        rotate.Parameters.Add(new NpgsqlParameter { Value = successor.Id });
        rotate.Parameters.Add(new NpgsqlParameter { Value = successor.TokenHash });
        rotate.Parameters.Add(new NpgsqlParameter { Value = successor.ExpiresAt });
        return await rotate.ExecuteNonQueryAsync(cancellationToken) == 1
            ? RefreshRotation.Rotated(found.UserId, found.SessionId, token)
            : RefreshRotation.Rejected;
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
        var session = await db.Sessions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.RevokedAt == null && s.ExpiresAt > now, cancellationToken);
        if (session is null)
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

    private async Task<TokenForRotation?> FindForRotationAsync(byte[] hash, CancellationToken cancellationToken)
    {
        await using var find = dataSource.CreateCommand(FindForRotationSql);
        find.Parameters.Add(new NpgsqlParameter { Value = hash });
        await using var reader = await find.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new TokenForRotation(
            TokenId: reader.GetGuid(0),
            SpentAt: reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
            ExpiresAt: reader.GetFieldValue<DateTimeOffset>(2),
            SessionId: reader.GetGuid(3),
            UserId: reader.GetGuid(4),
            SessionRevokedAt: reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            SessionExpiresAt: reader.GetFieldValue<DateTimeOffset>(6),
            AccountActive: reader.GetBoolean(7));
    }

    private sealed record TokenForRotation(
        Guid TokenId,
        DateTimeOffset? SpentAt,
        DateTimeOffset ExpiresAt,
        Guid SessionId,
        Guid UserId,
        DateTimeOffset? SessionRevokedAt,
        DateTimeOffset SessionExpiresAt,
        bool AccountActive);
}
