namespace ShopEase.Application.Common.Abstractions;

public enum OrderPlacementStatus
{
    Placed,

    /// <summary>A product no longer had the quantity ordered (or was deleted); nothing was changed.</summary>
    OutOfStock,

    /// <summary>The user already has an order with this idempotency key; nothing was changed.</summary>
    DuplicateIdempotencyKey,
}
