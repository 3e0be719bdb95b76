using FluentValidation.Results;
using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Products.Commands.UpdateProduct;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Products.Commands.UpdateProduct;

public sealed class UpdateProductCommandValidatorTests
{
    private static readonly Guid MugId = Guid.Parse("0193a5c2-0000-7000-8000-0000000000a1");
    private static readonly UpdateProductCommand Good = new(MugId, "MUG-01", "Mug", "Holds tea.", 1999, "EUR", 7);

    private readonly IProductRepository _products = Substitute.For<IProductRepository>();

    [Fact]
    public async Task Validate_GoodProduct_IsValid()
    {
        var result = await Validate(Good);

        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Validate_KeepingItsOwnSku_AsksForOtherProductsOnly()
    {
        await Validate(Good with { Sku = " mug-01" });

        await _products.Received(1).SkuExistsAsync("MUG-01", MugId, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Validate_SkuOfAnotherLiveProduct_ReportsSkuAlreadyExists()
    {
        _products.SkuExistsAsync("TEA-01", MugId, Arg.Any<CancellationToken>()).Returns(true);

        var result = await Validate(Good with { Sku = "tea-01" });

        result.MessagesFor("Sku").ShouldBe(["SKU already exists"]);
    }

    [Fact]
    public async Task Validate_EveryFieldMissing_ReportsEachByItsRequestName()
    {
        var result = await Validate(new UpdateProductCommand(MugId, "", "", "", null, "", null));

        result.Errors.Select(e => e.PropertyName).Distinct().ShouldBe(
            ["Name", "price.amount", "price.currency", "Sku", "Stock"], ignoreOrder: true);
    }

    private Task<ValidationResult> Validate(UpdateProductCommand command) =>
        new UpdateProductCommandValidator(_products).ValidateAsync(command);
}
