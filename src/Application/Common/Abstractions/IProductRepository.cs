using ShopEase.Domain.Products;

namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// The catalogue. Soft-deleted products are invisible to every method. The unique index on the
/// normalised SKU of live products is the last word on uniqueness.
/// </summary>
public interface IProductRepository
{
    Task<Product?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<bool> SkuExistsAsync(string normalizedSku, Guid? exceptProductId, CancellationToken cancellationToken);

    /// <returns><c>false</c> when a live product already has the SKU (a lost race).</returns>
    Task<bool> TryAddAsync(Product product, CancellationToken cancellationToken);

    /// <returns><c>false</c> when another live product already has the SKU (a lost race).</returns>
    Task<bool> TryUpdateAsync(Product product, CancellationToken cancellationToken);

    /// <summary>Marks the product deleted and takes it out of every cart; inside the caller's transaction.</summary>
    /// <returns><c>false</c> when there is no such live product.</returns>
    Task<bool> SoftDeleteAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    Task<(IReadOnlyList<Product> Items, int Total)> ListAsync(
        ProductListFilter filter, int page, int pageSize, CancellationToken cancellationToken);
}
