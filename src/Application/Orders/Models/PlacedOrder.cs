namespace ShopEase.Application.Orders.Models;

/// <param name="Replayed">True when an earlier checkout with the same idempotency key made the order.</param>
public sealed record PlacedOrder(OrderDto Order, bool Replayed);
