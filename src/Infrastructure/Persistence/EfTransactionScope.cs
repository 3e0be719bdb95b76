using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Persistence;

internal sealed class EfTransactionScope(ShopEaseDbContext db) : ITransactionScope
{
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
