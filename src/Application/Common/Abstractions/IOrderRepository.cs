using ShopEase.Domain.Orders;

namespace ShopEase.Application.Common.Abstractions;

/// <summary>Users' orders; every read is scoped to its owner.</summary>
public interface IOrderRepository
{
    Task<Order?> FindAsync(Guid userId, Guid orderId, CancellationToken cancellationToken);

    /// <summary>The user's order with this key, if it was placed after <paramref name="placedAfter"/> (older keys have expired).</summary>
    Task<Order?> FindByIdempotencyKeyAsync(Guid userId, string idempotencyKey, DateTimeOffset placedAfter, CancellationToken cancellationToken);

    /// <summary>One page of the user's orders, newest first.</summary>
    Task<(IReadOnlyList<Order> Items, int Total)> ListAsync(Guid userId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: frees the order's idempotency key from an order older than
    /// <see cref="Order.IdempotencyKeyLifetime"/>, saves the order (its idempotency key first, so that
    /// concurrent retries wait for each other), takes each line's quantity from its product's stock only
    /// where that much is left, and removes the ordered products from the user's cart. Either all of it
    /// happens or none.
    /// </summary>
    Task<OrderPlacement> PlaceAsync(Order order, CancellationToken cancellationToken);
}
