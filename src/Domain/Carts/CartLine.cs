using ShopEase.Domain.Common;
using ShopEase.Domain.Products;

namespace ShopEase.Domain.Carts;

/// <summary>A product in a cart, at its current price.</summary>
public sealed record CartLine
{
    public CartLine(Product product, int quantity)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        Product = product;
        Quantity = quantity;
    }

    public Product Product { get; }

    public int Quantity { get; }

    public Money LineTotal => Product.Price.Times(Quantity);
}
