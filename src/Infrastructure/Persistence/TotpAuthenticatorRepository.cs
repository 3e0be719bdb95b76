using Microsoft.EntityFrameworkCore;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Mfa;

namespace ShopEase.Infrastructure.Persistence;

/// <summary>
/// Every write is one conditional statement, so PostgreSQL's row lock decides races: a second
/// writer waits for the first to commit, then finds its condition false and changes nothing.
/// </summary>
internal sealed class TotpAuthenticatorRepository(ShopEaseDbContext db) : ITotpAuthenticatorRepository
{
    public Task<TotpAuthenticator?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        db.ReadAsync(ct => db.TotpAuthenticators.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, ct), cancellationToken);

    // An upsert that never touches a confirmed row: no window between a delete and an insert for a
    // concurrent set-up or confirmation to fall into.
    public async Task<bool> SavePendingAsync(TotpAuthenticator authenticator, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO totp_authenticators (id, user_id, encrypted_secret, key_id, created_at, confirmed_at, last_used_step)
            VALUES ({authenticator.Id}, {authenticator.UserId}, {authenticator.EncryptedSecret}, {authenticator.KeyId},
                    {authenticator.CreatedAt}, NULL, 0)
            ON CONFLICT (user_id) DO UPDATE SET
                id = EXCLUDED.id, encrypted_secret = EXCLUDED.encrypted_secret, key_id = EXCLUDED.key_id,
                created_at = EXCLUDED.created_at, last_used_step = 0
            WHERE totp_authenticators.confirmed_at IS NULL
            """,
            cancellationToken) == 1;

    public async Task<bool> TryConfirmAsync(Guid authenticatorId, long timeStep, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.TotpAuthenticators
            .Where(a => a.Id == authenticatorId && a.ConfirmedAt == null && a.LastUsedStep < timeStep)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ConfirmedAt, now).SetProperty(a => a.LastUsedStep, timeStep), cancellationToken) == 1;

    public async Task<bool> TryUseStepAsync(Guid userId, long timeStep, CancellationToken cancellationToken) =>
        await db.TotpAuthenticators
            .Where(a => a.UserId == userId && a.ConfirmedAt != null && a.LastUsedStep < timeStep)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastUsedStep, timeStep), cancellationToken) == 1;

    public Task ReencryptAsync(Guid authenticatorId, byte[] encryptedSecret, string keyId, CancellationToken cancellationToken) =>
        db.TotpAuthenticators
            .Where(a => a.Id == authenticatorId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.EncryptedSecret, encryptedSecret).SetProperty(a => a.KeyId, keyId), cancellationToken);

    public Task DeleteAsync(Guid userId, CancellationToken cancellationToken) =>
        db.TotpAuthenticators.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
