using AutoMapper;
using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Products.Models;
using ShopEase.Application.Products.Validation;
using ShopEase.Domain.Common;
using ShopEase.Domain.Products;

namespace ShopEase.Application.Products.Commands.CreateProduct;

public sealed class CreateProductCommandHandler(IProductRepository products, IMapper mapper, TimeProvider timeProvider)
    : ICommandHandler<CreateProductCommand, ProductDto>
{
    public async ValueTask<ProductDto> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        var product = Product.Create(
            command.Sku,
            command.Name,
            command.Description,
            new Money(command.PriceAmount!.Value, command.PriceCurrency),
            command.Stock!.Value,
            timeProvider.GetUtcNow());

        // The validator already checked the SKU; this catches the creation that raced it.
        if (!await products.TryAddAsync(product, cancellationToken))
        {
            throw new ValidationFailedException("sku", ProductRules.SkuAlreadyExists);
        }

        return mapper.Map<ProductDto>(product);
    }
}
