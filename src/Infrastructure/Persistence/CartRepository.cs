using Microsoft.EntityFrameworkCore;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Carts;

namespace ShopEase.Infrastructure.Persistence;

internal sealed class CartRepository(ShopEaseDbContext db) : ICartRepository
{
    public async Task<Cart> GetAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rows = await db.CartItems.AsNoTracking()
            .Where(i => i.UserId == userId)
            .Join(db.Products.AsNoTracking().Where(p => p.DeletedAt == null), i => i.ProductId, p => p.Id,
                (i, p) => new { Item = i, Product = p })
            .OrderBy(r => r.Item.AddedAt).ThenBy(r => r.Item.ProductId)
            .ToListAsync(cancellationToken);
        return new Cart(userId, rows.Select(r => new CartLine(r.Product, r.Item.Quantity)));
    }

    public async Task<bool> SetQuantityAsync(
        Guid userId, Guid productId, int quantity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (quantity == 0)
        {
            await db.CartItems.Where(i => i.UserId == userId && i.ProductId == productId).ExecuteDeleteAsync(cancellationToken);
            return true;
        }

        // The account's row lock serialises one user's additions until the caller's transaction ends, and the
        // count is read after it (a statement of its own, so a snapshot taken once the lock is held): concurrent
        // additions cannot pass the bound. The upsert makes two concurrent first additions of one product one
        // line, not a key violation.
        db.RequireTransaction();
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM users WHERE id = {userId} FOR NO KEY UPDATE", cancellationToken);
        var set = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO cart_items (user_id, product_id, quantity, added_at)
            SELECT {userId}, {productId}, {quantity}, {now}
            WHERE EXISTS (SELECT 1 FROM cart_items WHERE user_id = {userId} AND product_id = {productId})
               OR (SELECT count(*) FROM cart_items WHERE user_id = {userId}) < {Cart.MaxLines}
            ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = excluded.quantity
            """,
            cancellationToken);
        return set > 0;
    }

    public Task ClearAsync(Guid userId, CancellationToken cancellationToken) =>
        db.CartItems.Where(i => i.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public Task RemoveAsync(Guid userId, IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken) =>
        db.CartItems.Where(i => i.UserId == userId && productIds.Contains(i.ProductId)).ExecuteDeleteAsync(cancellationToken);
}
