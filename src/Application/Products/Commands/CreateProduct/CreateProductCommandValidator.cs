using FluentValidation;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Products.Validation;
using ShopEase.Domain.Products;

namespace ShopEase.Application.Products.Commands.CreateProduct;

public sealed class CreateProductCommandValidator : AbstractValidator<CreateProductCommand>
{
    public CreateProductCommandValidator(IProductRepository products)
    {
        RuleFor(c => c.Sku)
            .ValidSku()
            .MustAsync(async (sku, ct) => !await products.SkuExistsAsync(ProductSku.Normalize(sku), null, ct))
            .WithMessage(ProductRules.SkuAlreadyExists);
        RuleFor(c => c.Name).ValidName();
        RuleFor(c => c.Description).ValidDescription();
        RuleFor(c => c.PriceAmount).ValidPriceAmount();
        RuleFor(c => c.PriceCurrency).ValidCurrency();
        RuleFor(c => c.Stock).ValidStock();
    }
}
