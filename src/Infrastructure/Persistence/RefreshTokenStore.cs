using Microsoft.EntityFrameworkCore;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Sessions;
using ShopEase.Infrastructure.RateLimiting;
using ShopEase.Infrastructure.Security;
using ShopEase.Infrastructure.Sessions;

namespace ShopEase.Infrastructure.Persistence;

internal sealed class RefreshTokenStore(ShopEaseDbContext db, SessionLivenessCache liveness, SessionRefreshLimiter limiter)
    : IRefreshTokenStore
{
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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The conditional update is the lock: of concurrent rotations of one token, only one
        // sees spent_at still null. The losers read the token as live, so they lost a race
        // rather than replayed a spent token, and they leave the session alone.
        var spent = await db.RefreshTokens
            .Where(t => t.Id == found.Token.Id && t.SpentAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.SpentAt, now), cancellationToken);
        if (spent == 0)
        {
            return RefreshRotation.Rejected;
        }

        var stillLive = await db.Sessions
            .Where(s => s.Id == session.Id && s.RevokedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastUsedAt, now), cancellationToken);
        if (stillLive == 0)
        {
            return RefreshRotation.Rejected;
        }

        var (token, newHash) = OpaqueToken.Create();
        db.RefreshTokens.Add(RefreshToken.Issue(
            session.Id, newHash, now, session.RefreshTokenExpiry(now, refreshTokenLifetime)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RefreshRotation.Rotated(session.UserId, session.Id, token);
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
