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
    /// Takes the key off the user's orders placed at or before <paramref name="expiredBefore"/>: an expired key
    /// no longer names its order, and the unique index must let a new order have it.
    /// </summary>
    Task ReleaseExpiredIdempotencyKeyAsync(
        Guid userId, string idempotencyKey, DateTimeOffset expiredBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Inside the caller's transaction: saves the order (its idempotency key first, so that concurrent retries
    /// wait for each other) and takes each line's quantity from its product's stock only where that much is
    /// left. When the answer is not <see cref="OrderPlacementStatus.Placed"/>, what was written must be rolled
    /// back with the transaction.
    /// </summary>
    Task<OrderPlacement> PlaceAsync(Order order, CancellationToken cancellationToken);
}
