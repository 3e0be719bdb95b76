namespace ShopEase.Infrastructure.Persistence;

/// <summary>
/// One row of a cart as stored: which product and how many. The price is not kept, since a cart
/// shows the product's price of the moment (an order copies it); Application sees the whole
/// <see cref="Domain.Carts.Cart"/>, never these rows.
/// </summary>
public sealed class CartItem
{
    public Guid UserId { get; set; }

    public Guid ProductId { get; set; }

    public int Quantity { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}
