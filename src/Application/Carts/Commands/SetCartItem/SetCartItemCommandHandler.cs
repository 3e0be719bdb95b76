using AutoMapper;
using Mediator;
using ShopEase.Application.Carts.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Application.Carts.Commands.SetCartItem;

public sealed class SetCartItemCommandHandler(ICartRepository carts, IMapper mapper, TimeProvider timeProvider)
    : ICommandHandler<SetCartItemCommand, CartDto>
{
    public async ValueTask<CartDto> Handle(SetCartItemCommand command, CancellationToken cancellationToken)
    {
        if (!await carts.SetQuantityAsync(
                command.UserId, command.ProductId, command.Quantity!.Value, timeProvider.GetUtcNow(), cancellationToken))
        {
            // The validator saw room, but concurrent additions filled the cart meanwhile.
            throw new ValidationFailedException("productId", SetCartItemCommandValidator.CartFull);
        }

        return mapper.Map<CartDto>(await carts.GetAsync(command.UserId, cancellationToken));
    }
}
