using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ShopEase.Infrastructure.Persistence;

/// <summary>
/// Saves where a unique index is the last word on a rule a validator already checked (an email, a SKU,
/// an idempotency key): losing that race is an answer, not an error.
/// </summary>
internal static class UniqueConstraintSave
{
    public static bool IsViolationOf(DbUpdateException exception, string constraintName) =>
        exception.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation,
            ConstraintName: var violated,
        } && violated == constraintName;

    /// <returns><c>false</c>, with <paramref name="entity"/> detached again, when <paramref name="constraintName"/> refused it.</returns>
    public static async Task<bool> TrySaveAsync(
        this ShopEaseDbContext db, object entity, string constraintName, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (IsViolationOf(ex, constraintName))
        {
            db.Entry(entity).State = EntityState.Detached;
            return false;
        }
    }
}
