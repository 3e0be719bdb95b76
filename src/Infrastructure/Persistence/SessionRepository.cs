using Microsoft.EntityFrameworkCore;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Sessions;
using ShopEase.Infrastructure.Sessions;

namespace ShopEase.Infrastructure.Persistence;

internal sealed class SessionRepository(ShopEaseDbContext db, SessionLivenessCache liveness) : ISessionRepository
{
    public async Task<IReadOnlyList<AuthSession>> ListLiveAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            ct => db.Sessions.AsNoTracking()
                .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
                .OrderByDescending(s => s.LastUsedAt)
                .ToListAsync(ct),
            cancellationToken);

    public async Task<bool> RevokeAsync(Guid userId, Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await RevokeWhereAsync(db, liveness,
            db.Sessions.Where(s => s.Id == sessionId && s.UserId == userId && s.ExpiresAt > now), now, cancellationToken) > 0;

    public Task<int> RevokeAllAsync(Guid userId, Guid? exceptSessionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        RevokeWhereAsync(db, liveness,
            db.Sessions.Where(s => s.UserId == userId && (exceptSessionId == null || s.Id != exceptSessionId)), now, cancellationToken);

    /// <summary>
    /// Revokes the live sessions among <paramref name="sessions"/> and evicts them from this node's
    /// cache at once; the table's trigger NOTIFYs every other node.
    /// </summary>
    public static async Task<int> RevokeWhereAsync(
        ShopEaseDbContext db,
        SessionLivenessCache liveness,
        IQueryable<AuthSession> sessions,
        DateTimeOffset now,
        CancellationToken cancellationToken)
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
}
