using ShopEase.Domain.Common;

namespace ShopEase.Domain.Products;

/// <summary>
/// Something the shop sells. Deleting one only marks it: orders keep pointing at it, and its SKU
/// becomes free for a new product.
/// </summary>
public sealed class Product
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;

    private Product()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Always normalised: see <see cref="ProductSku.Normalize"/>.</summary>
    public string Sku { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    public Money Price { get; private set; } = null!;

    public int Stock { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Set once, by the repository's conditional soft delete; a deleted product is gone for every reader.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    public static Product Create(string sku, string name, string description, Money price, int stock, DateTimeOffset now)
    {
        var product = new Product { Id = Guid.CreateVersion7(now), CreatedAt = now };
        product.Change(sku, name, description, price, stock, now);
        return product;
    }

    public void Update(string sku, string name, string description, Money price, int stock, DateTimeOffset now) =>
        Change(sku, name, description, price, stock, now);

    private void Change(string sku, string name, string description, Money price, int stock, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(price);
        ArgumentOutOfRangeException.ThrowIfNegative(stock);
        Sku = ProductSku.Normalize(sku);
        Name = name.Trim();
        Description = description.Trim();
        Price = price;
        Stock = stock;
        UpdatedAt = now;
    }
}
