using AutoMapper;
using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Products.Models;
using ShopEase.Application.Products.Validation;
using ShopEase.Domain.Common;

namespace ShopEase.Application.Products.Commands.UpdateProduct;

public sealed class UpdateProductCommandHandler(IProductRepository products, IMapper mapper, TimeProvider timeProvider)
    : ICommandHandler<UpdateProductCommand, ProductDto>
{
    public async ValueTask<ProductDto> Handle(UpdateProductCommand command, CancellationToken cancellationToken)
    {
        var product = await products.FindAsync(command.ProductId, cancellationToken)
            ?? throw new NotFoundException("No such product.");
        product.Update(
            command.Sku,
            command.Name,
            command.Description,
            new Money(command.PriceAmount!.Value, command.PriceCurrency),
            command.Stock!.Value,
            timeProvider.GetUtcNow());

        if (!await products.TryUpdateAsync(product, cancellationToken))
        {
            throw new ValidationFailedException("sku", ProductRules.SkuAlreadyExists);
        }

        return mapper.Map<ProductDto>(product);
    }
}
