using Mediator;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Application.Carts.Commands.ClearCart;

public sealed class ClearCartCommandHandler(ICartRepository carts) : ICommandHandler<ClearCartCommand>
{
    public async ValueTask<Unit> Handle(ClearCartCommand command, CancellationToken cancellationToken)
    {
        await carts.ClearAsync(command.UserId, cancellationToken);
        return Unit.Value;
    }
}
