using ShopEase.Domain.Carts;
using ShopEase.Domain.Common;

namespace ShopEase.Domain.Orders;

/// <summary>
/// A product as it was bought: its SKU, name and price are copied, so later edits or a deletion
/// of the product never change an order.
/// </summary>
public sealed class OrderLine
{
    private OrderLine()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    /// <summary>1, 2, ... in the order of the cart the order was placed from.</summary>
    public int LineNumber { get; private set; }

    public Guid ProductId { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public Money UnitPrice { get; private set; } = null!;

    public int Quantity { get; private set; }

    public Money LineTotal => UnitPrice.Times(Quantity);

    internal static OrderLine CopyOf(Guid orderId, int lineNumber, CartLine line, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            OrderId = orderId,
            LineNumber = lineNumber,
            ProductId = line.Product.Id,
            Sku = line.Product.Sku,
            Name = line.Product.Name,
            UnitPrice = line.Product.Price,
            Quantity = line.Quantity,
        };
}
