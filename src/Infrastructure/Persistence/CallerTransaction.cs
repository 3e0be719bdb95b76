using System.Runtime.CompilerServices;

namespace ShopEase.Infrastructure.Persistence;

/// <summary>
/// Repositories never open a transaction (docs/adr/0014-repositories-sql-and-transactions.md): a write of
/// several statements that only holds together inside one says so here, and fails loudly when called
/// outside one rather than quietly losing its lock between statements.
/// </summary>
internal static class CallerTransaction
{
    public static void RequireTransaction(this ShopEaseDbContext db, [CallerMemberName] string operation = "")
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException(
                $"{operation} must run inside a transaction: mark its command ITransactionalCommand, or run it through ITransactionScope.");
        }
    }
}
