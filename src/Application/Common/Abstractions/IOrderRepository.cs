using ShopEase.Domain.Orders;

namespace ShopEase.Application.Common.Abstractions;

/// <summary>Users' orders; every read is scoped to its owner.</summary>
public interface IOrderRepository
{
    Task<Order?> FindAsync(Guid userId, Guid orderId, CancellationToken cancellationToken);

    Task<Order?> FindByIdempotencyKeyAsync(Guid userId, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>One page of the user's orders, newest first.</summary>
    Task<(IReadOnlyList<Order> Items, int Total)> ListAsync(Guid userId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: saves the order (its idempotency key first, so that concurrent retries
    /// wait for each other), takes each line's quantity from its product's stock only where that
    /// much is left, and removes the ordered products from the user's cart. Either all of it
    /// happens or none.
    /// </summary>
    Task<OrderPlacement> PlaceAsync(Order order, CancellationToken cancellationToken);
}
