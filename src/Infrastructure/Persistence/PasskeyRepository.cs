using Microsoft.EntityFrameworkCore;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Passkeys;
using ShopEase.Infrastructure.Persistence.Configurations;

namespace ShopEase.Infrastructure.Persistence;

internal sealed class PasskeyRepository(ShopEaseDbContext db) : IPasskeyRepository
{
    public async Task<IReadOnlyList<Passkey>> ListAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            ct => db.Passkeys.AsNoTracking().Where(p => p.UserId == userId)
                .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).ToListAsync(ct),
            cancellationToken);

    public Task<Passkey?> FindAsync(Guid userId, Guid passkeyId, CancellationToken cancellationToken) =>
        db.ReadAsync(ct => db.Passkeys.SingleOrDefaultAsync(p => p.Id == passkeyId && p.UserId == userId, ct), cancellationToken);

    public Task<Passkey?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken) =>
        db.ReadAsync(ct => db.Passkeys.AsNoTracking().SingleOrDefaultAsync(p => p.CredentialId == credentialId, ct), cancellationToken);

    public Task<bool> TryAddAsync(Passkey passkey, CancellationToken cancellationToken)
    {
        db.Passkeys.Add(passkey);
        return db.TrySaveAsync(passkey, PasskeyConfiguration.CredentialIdIndexName, cancellationToken);
    }

    public Task UpdateAsync(Passkey passkey, CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    // A compare-and-set: of two sign-ins that present the same counter, one moves it and the other
    // finds it moved, as a cloned authenticator racing its original would.
    public async Task<bool> TryRecordUseAsync(
        Guid passkeyId, long expectedSignCount, uint signCount, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Passkeys
            .Where(p => p.Id == passkeyId && p.SignCount == expectedSignCount)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.SignCount, (long)signCount).SetProperty(p => p.LastUsedAt, now), cancellationToken) == 1;

    public async Task<PasskeyRemoval> DeleteAsync(Guid userId, Guid passkeyId, CancellationToken cancellationToken)
    {
        // The account row is locked first, until the caller's transaction ends, so that the count below is read
        // after any other delete of the same account committed: two deletes at once cannot both see a second
        // passkey left.
        db.RequireTransaction();
        var owner = await db.Users.FromSql($"SELECT * FROM users WHERE id = {userId} FOR UPDATE")
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var passkeys = await db.Passkeys.Where(p => p.UserId == userId).Select(p => p.Id).ToListAsync(cancellationToken);
        if (owner is null || !passkeys.Contains(passkeyId))
        {
            return PasskeyRemoval.NotFound;
        }

        if (!owner.KeepsAWayIn(passkeys.Count - 1))
        {
            return PasskeyRemoval.LastWayIn;
        }

        await db.Passkeys.Where(p => p.Id == passkeyId).ExecuteDeleteAsync(cancellationToken);
        return PasskeyRemoval.Deleted;
    }
}
