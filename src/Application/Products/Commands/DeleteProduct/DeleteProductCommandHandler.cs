using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Application.Products.Commands.DeleteProduct;

public sealed class DeleteProductCommandHandler(IProductRepository products, TimeProvider timeProvider)
    : ICommandHandler<DeleteProductCommand>
{
    public async ValueTask<Unit> Handle(DeleteProductCommand command, CancellationToken cancellationToken) =>
        await products.SoftDeleteAsync(command.ProductId, timeProvider.GetUtcNow(), cancellationToken)
            ? Unit.Value
            : throw new NotFoundException("No such product.");
}
