using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Infrastructure.Security;

namespace ShopEase.Infrastructure.Persistence;

/// <summary>
/// Recovery codes as HMAC-SHA256 under a key derived from the second factor's key. A fast hash is
/// enough for 50 random bits that only an online guesser can try (docs/adr/0012-second-factor-totp.md).
/// </summary>
internal sealed class RecoveryCodeStore(ShopEaseDbContext db, MfaKeys keys) : IRecoveryCodeStore
{
    public async Task ReplaceAsync(Guid userId, IReadOnlyList<string> normalizedCodes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (normalizedCodes.Count == 0)
        {
            return;
        }

        var key = keys.Current;
        var entries = normalizedCodes.Select(code => new RecoveryCodeEntry
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            CodeHash = Hash(key, code),
            KeyId = key.Id,
            CreatedAt = now,
        }).ToList();
        db.RecoveryCodes.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);

        // Written once and never read back through the change tracker.
        foreach (var entry in entries)
        {
            db.Entry(entry).State = EntityState.Detached;
        }
    }

    public async Task<bool> TryUseAsync(Guid userId, string normalizedCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Under each key that still reads; a code written under an earlier key keeps working.
        foreach (var key in keys.All)
        {
            var hash = Hash(key, normalizedCode);
            var used = await db.RecoveryCodes
                .Where(c => c.UserId == userId && c.KeyId == key.Id && c.CodeHash == hash && c.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken);
            if (used > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] Hash(MfaKey key, string normalizedCode) =>
        HMACSHA256.HashData(key.RecoveryCodeHashKey, Encoding.ASCII.GetBytes(normalizedCode));
}
