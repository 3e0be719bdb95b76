using Microsoft.EntityFrameworkCore;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Orders;
using ShopEase.Infrastructure.Persistence.Configurations;

namespace ShopEase.Infrastructure.Persistence;

internal sealed class OrderRepository(ShopEaseDbContext db) : IOrderRepository
{
    private IQueryable<Order> WithLines => db.Orders.AsNoTracking().Include(o => o.Lines.OrderBy(l => l.LineNumber));

    public Task<Order?> FindAsync(Guid userId, Guid orderId, CancellationToken cancellationToken) =>
        WithLines.SingleOrDefaultAsync(o => o.Id == orderId && o.UserId == userId, cancellationToken);

    public Task<Order?> FindByIdempotencyKeyAsync(
        Guid userId, string idempotencyKey, DateTimeOffset placedAfter, CancellationToken cancellationToken) =>
        WithLines.SingleOrDefaultAsync(
            o => o.UserId == userId && o.IdempotencyKey == idempotencyKey && o.CreatedAt > placedAfter, cancellationToken);

    public async Task<(IReadOnlyList<Order> Items, int Total)> ListAsync(
        Guid userId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await db.Orders.CountAsync(o => o.UserId == userId, cancellationToken);
        var items = await WithLines
            .Where(o => o.UserId == userId)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public Task ReleaseExpiredIdempotencyKeyAsync(
        Guid userId, string idempotencyKey, DateTimeOffset expiredBefore, CancellationToken cancellationToken) =>
        db.Orders
            .Where(o => o.UserId == userId && o.IdempotencyKey == idempotencyKey && o.CreatedAt <= expiredBefore)
            .ExecuteUpdateAsync(u => u
                .SetProperty(o => o.IdempotencyKey, (string?)null)
                .SetProperty(o => o.IdempotencyFingerprint, (byte[]?)null), cancellationToken);

    public async Task<OrderPlacement> PlaceAsync(Order order, CancellationToken cancellationToken)
    {
        db.RequireTransaction();
        try
        {
            // The order goes in first: its (user, idempotency key) row is the lock that makes a
            // concurrent retry wait here, before it touches any stock, and then fail.
            db.Orders.Add(order);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (UniqueConstraintSave.IsViolationOf(ex, OrderConfiguration.IdempotencyKeyIndexName))
            {
                return OrderPlacement.DuplicateIdempotencyKey;
            }

            // In product order, so that two checkouts sharing products lock them in the same order
            // and cannot deadlock. The row lock of the UPDATE makes a concurrent buyer wait and then
            // re-check the stock it left.
            foreach (var line in order.Lines.OrderBy(l => l.ProductId))
            {
                var taken = await db.Products
                    .Where(p => p.Id == line.ProductId && p.DeletedAt == null && p.Stock >= line.Quantity)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.Stock, p => p.Stock - line.Quantity), cancellationToken);
                if (taken == 0)
                {
                    return OrderPlacement.OutOfStock(line.ProductId);
                }
            }

            return OrderPlacement.Placed;
        }
        finally
        {
            // Whatever happened, this context must not try to save the order again.
            db.ChangeTracker.Clear();
        }
    }
}
