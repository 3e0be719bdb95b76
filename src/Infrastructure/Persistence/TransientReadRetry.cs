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

    /// <remarks>
    /// Inside a transaction a read runs once: retrying it alone would not replay the transaction's
    /// earlier statements, and EF Core refuses a retrying strategy there.
    /// </remarks>
    public static Task<T> ReadAsync<T>(this ShopEaseDbContext db, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null
            ? new FastFailureRetryStrategy(db).ExecuteAsync(read, cancellationToken)
            : read(cancellationToken);

    /// <summary>
    /// Retries what fails fast (a refused or reset connection), not a timeout: a second full
    /// Database:Timeout would break the promise to answer 503 within one.
    /// </summary>
    private sealed class FastFailureRetryStrategy(ShopEaseDbContext db)
        : NpgsqlRetryingExecutionStrategy(db, MaxRetries, MaxDelay, errorCodesToAdd: null)
    {
        protected override bool ShouldRetryOn(Exception? exception) =>
            !IsTimeout(exception) && base.ShouldRetryOn(exception);

        private static bool IsTimeout(Exception? exception) =>
            exception is not null && (exception is TimeoutException || IsTimeout(exception.InnerException));
    }
}
