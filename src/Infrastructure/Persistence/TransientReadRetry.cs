using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace ShopEase.Infrastructure.Persistence;

/// <summary>
/// Reads go through Npgsql's retrying execution strategy: running a read twice is harmless. Writes
/// never do (see docs/adr/0008-database-outages.md): a retried commit could apply twice.
/// </summary>
internal static class TransientReadRetry
{
    private const int MaxRetries = 2;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(300);

    public static Task<T> ReadAsync<T>(this ShopEaseDbContext db, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        new NpgsqlRetryingExecutionStrategy(db, MaxRetries, MaxDelay, errorCodesToAdd: null)
            .ExecuteAsync(read, cancellationToken);
}
