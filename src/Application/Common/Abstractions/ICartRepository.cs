using ShopEase.Domain.Carts;

namespace ShopEase.Application.Common.Abstractions;

/// <summary>One cart per user, created by the first item put in it.</summary>
public interface ICartRepository
{
    /// <summary>The cart with its live products at their current prices, in the order they were first added.</summary>
    Task<Cart> GetAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Sets how many of a product the cart holds, adding or replacing its line; 0 removes it.</summary>
    Task SetQuantityAsync(Guid userId, Guid productId, int quantity, DateTimeOffset now, CancellationToken cancellationToken);

    Task ClearAsync(Guid userId, CancellationToken cancellationToken);
}
