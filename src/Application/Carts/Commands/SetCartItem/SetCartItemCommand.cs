using Mediator;
using ShopEase.Application.Common.Behaviors;
using ShopEase.Application.Carts.Models;

namespace ShopEase.Application.Carts.Commands.SetCartItem;

/// <param name="Quantity">How many the cart should hold; 0 removes the product. Null when the request left it out.</param>
public sealed record SetCartItemCommand(Guid UserId, Guid ProductId, int? Quantity)
    : ICommand<CartDto>,
    ITransactionalCommand
{
    /// <summary>Keeps a line's total (at most <see cref="Domain.Common.Money.MaxAmount"/> each) far from overflow.</summary>
    public const int MaxQuantity = 10_000;
}
