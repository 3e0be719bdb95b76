using Mediator;

namespace ShopEase.Application.Carts.Commands.ClearCart;

public sealed record ClearCartCommand(Guid UserId) : ICommand;
