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

        var found = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Join(db.Sessions.AsNoTracking(), t => t.SessionId, s => s.Id, (t, s) => new { Token = t, Session = s })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return RefreshRotation.Rejected;
        }

        var session = found.Session;
        if (requiredSessionId is { } required && required != session.Id)
        {
            return RefreshRotation.WrongSession;
        }

        if (found.Token.SpentAt is not null)
        {
            // A spent token was presented again: one of the two holders is a thief, so neither
            // keeps the session.
            await RevokeSessionAsync(session.Id, now, cancellationToken);
            return RefreshRotation.ReuseDetected(session.UserId, session.Id);
        }

        if (!session.IsLiveAt(now) || found.Token.ExpiresAt <= now)
        {
            return RefreshRotation.Rejected;
        }

        if (limiter.TryAdmit(session.Id) is { } wait)
        {
            return RefreshRotation.RateLimited(wait);
        }

        // One round trip instead of four (two updates, an insert, the commit): the load benchmark
        // found refresh spending most of its CPU on those round trips and on EF Core building each statement.
        // The losers of a race read the token as live, so they lost it rather than replayed a spent token,
        // and they leave the session alone.
        var (token, newHash) = OpaqueToken.Create();
        var successor = RefreshToken.Issue(session.Id, newHash, now, session.RefreshTokenExpiry(now, refreshTokenLifetime));
        await using var rotate = dataSource.CreateCommand(RotateSql);
        rotate.Parameters.Add(new NpgsqlParameter { Value = now });
        rotate.Parameters.Add(new NpgsqlParameter { Value = session.Id });
        rotate.Parameters.Add(new NpgsqlParameter { Value = found.Token.Id });
        rotate.Parameters.Add(new NpgsqlParameter { Value = successor.Id });
        rotate.Parameters.Add(new NpgsqlParameter { Value = successor.TokenHash });
        rotate.Parameters.Add(new NpgsqlParameter { Value = successor.ExpiresAt });
        return await rotate.ExecuteNonQueryAsync(cancellationToken) == 1
            ? RefreshRotation.Rotated(session.UserId, session.Id, token)
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
}
