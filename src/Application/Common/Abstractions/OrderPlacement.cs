namespace ShopEase.Application.Common.Abstractions;

/// <summary>What became of an order handed to <see cref="IOrderRepository.PlaceAsync"/>.</summary>
public sealed record OrderPlacement(OrderPlacementStatus Status, Guid? ProductId)
{
    public static OrderPlacement Placed { get; } = new(OrderPlacementStatus.Placed, null);

    public static OrderPlacement DuplicateIdempotencyKey { get; } = new(OrderPlacementStatus.DuplicateIdempotencyKey, null);

    public static OrderPlacement OutOfStock(Guid productId) => new(OrderPlacementStatus.OutOfStock, productId);
}
