using ShopEase.Domain.Carts;

namespace ShopEase.Application.Common.Abstractions;

/// <summary>One cart per user, created by the first item put in it.</summary>
public interface ICartRepository
{
    /// <summary>The cart with its live products at their current prices, in the order they were first added.</summary>
    Task<Cart> GetAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Sets how many of a product the cart holds, adding or replacing its line; 0 removes it. A new line
    /// is added only while the cart holds fewer than <see cref="Domain.Carts.Cart.MaxLines"/>, also when
    /// several requests add lines at once (under a lock on the account held until the caller's transaction ends).
    /// </summary>
    /// <returns><c>false</c> when the product was not in the cart and the cart is full.</returns>
    Task<bool> SetQuantityAsync(Guid userId, Guid productId, int quantity, DateTimeOffset now, CancellationToken cancellationToken);

    Task ClearAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Takes these products out of the user's cart, as an order of them does.</summary>
    Task RemoveAsync(Guid userId, IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken);
}
