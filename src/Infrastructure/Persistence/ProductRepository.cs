using Microsoft.EntityFrameworkCore;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Products;
using ShopEase.Infrastructure.Persistence.Configurations;

namespace ShopEase.Infrastructure.Persistence;

internal sealed class ProductRepository(ShopEaseDbContext db) : IProductRepository
{
    private const string LikeEscape = "\\";

    private IQueryable<Product> Live => db.Set<Product>().Where(p => p.DeletedAt == null);

    public Task<Product?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Live.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<bool> SkuExistsAsync(string normalizedSku, Guid? exceptProductId, CancellationToken cancellationToken) =>
        Live.AnyAsync(p => p.Sku == normalizedSku && (exceptProductId == null || p.Id != exceptProductId), cancellationToken);

    public async Task<bool> TryAddAsync(Product product, CancellationToken cancellationToken)
    {
        db.Set<Product>().Add(product);
        return await TrySaveAsync(product, cancellationToken);
    }

    public async Task<bool> TryUpdateAsync(Product product, CancellationToken cancellationToken)
    {
        if (db.Entry(product).State == EntityState.Detached)
        {
            db.Set<Product>().Update(product);
        }

        return await TrySaveAsync(product, cancellationToken);
    }

    public async Task<bool> SoftDeleteAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.RequireTransaction();
        var deleted = await Live.Where(p => p.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.DeletedAt, now), cancellationToken);
        if (deleted == 0)
        {
            return false;
        }

        await db.CartItems.Where(i => i.ProductId == id).ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    public async Task<(IReadOnlyList<Product> Items, int Total)> ListAsync(
        ProductListFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = Live.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Text))
        {
            var pattern = $"%{EscapeLike(filter.Text)}%";
            query = query.Where(p =>
                EF.Functions.ILike(p.Name, pattern, LikeEscape) || EF.Functions.ILike(p.Description, pattern, LikeEscape));
        }

        if (filter.MinPrice is { } min)
        {
            query = query.Where(p => p.Price.Amount >= min);
        }

        if (filter.MaxPrice is { } max)
        {
            query = query.Where(p => p.Price.Amount <= max);
        }

        var total = await query.CountAsync(cancellationToken);
        var sorted = filter.Sort switch
        {
            ProductSort.PriceAscending => query.OrderBy(p => p.Price.Amount).ThenBy(p => p.Name).ThenBy(p => p.Id),
            ProductSort.PriceDescending => query.OrderByDescending(p => p.Price.Amount).ThenBy(p => p.Name).ThenBy(p => p.Id),
            ProductSort.Newest => query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
            _ => query.OrderBy(p => p.Name).ThenBy(p => p.Id),
        };
        var items = await sorted.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>A search for <c>50%</c> or <c>a_b</c> means those characters, not LIKE wildcards.</summary>
    private static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    private Task<bool> TrySaveAsync(Product product, CancellationToken cancellationToken) =>
        db.TrySaveAsync(product, ProductConfiguration.SkuIndexName, cancellationToken);
}
