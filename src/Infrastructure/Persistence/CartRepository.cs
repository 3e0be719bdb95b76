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

    public async Task SetQuantityAsync(
        Guid userId, Guid productId, int quantity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (quantity == 0)
        {
            await db.CartItems.Where(i => i.UserId == userId && i.ProductId == productId).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        // An upsert, so two concurrent first additions of one product make one line, not a key violation.
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO cart_items (user_id, product_id, quantity, added_at) VALUES ({userId}, {productId}, {quantity}, {now})
            ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = excluded.quantity
            """,
            cancellationToken);
    }

    public Task ClearAsync(Guid userId, CancellationToken cancellationToken) =>
        db.CartItems.Where(i => i.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
