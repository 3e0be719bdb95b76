namespace ShopEase.Application.Common.Abstractions;

public enum OrderPlacementStatus
{
    Placed,

    /// <summary>A product no longer had the quantity ordered (or was deleted); the caller rolls back.</summary>
    OutOfStock,

    /// <summary>The user already has an order with this idempotency key; the order was not saved.</summary>
    DuplicateIdempotencyKey,
}
