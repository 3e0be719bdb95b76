using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Models;
using ShopEase.Application.Products.Commands.CreateProduct;
using ShopEase.Application.Products.Models;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Common;
using ShopEase.Domain.Products;

namespace ShopEase.Application.UnitTests.Products.Commands.CreateProduct;

public sealed class CreateProductCommandHandlerTests
{
    private readonly IProductRepository _products = Substitute.For<IProductRepository>();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private Product? _added;

    public CreateProductCommandHandlerTests()
    {
        _products.TryAddAsync(Arg.Do<Product>(p => _added = p), Arg.Any<CancellationToken>()).Returns(true);
    }

    [Fact]
    public async Task Handle_AddsTheProductNormalisedAndStampedNow()
    {
        _clock.Advance(TimeSpan.FromMinutes(5));

        await CreateHandler().Handle(Command(" mug-01 "), CancellationToken.None);

        _added.ShouldNotBeNull();
        _added.Sku.ShouldBe("MUG-01");
        _added.Name.ShouldBe("Mug");
        _added.Price.ShouldBe(new Money(1999, "EUR"));
        _added.Stock.ShouldBe(7);
        _added.CreatedAt.ShouldBe(TestClock.Start.AddMinutes(5));
        _added.UpdatedAt.ShouldBe(TestClock.Start.AddMinutes(5));
    }

    [Fact]
    public async Task Handle_ReturnsTheNewProductMapped()
    {
        var result = await CreateHandler().Handle(Command("MUG-01"), CancellationToken.None);

        _added.ShouldNotBeNull();
        result.ShouldBe(new ProductDto(
            _added.Id, "MUG-01", "Mug", "Holds tea.", new MoneyDto(1999, "EUR"), 7, TestClock.Start, TestClock.Start));
    }

    [Fact]
    public async Task Handle_PassesTheCancellationTokenToTheRepository()
    {
        using var cancellation = new CancellationTokenSource();

        await CreateHandler().Handle(Command("MUG-01"), cancellation.Token);

        await _products.Received(1).TryAddAsync(Arg.Any<Product>(), cancellation.Token);
    }

    [Fact]
    public async Task Handle_WhenTheSkuWasTakenMeanwhile_ThrowsValidationFailedOnSku()
    {
        _products.TryAddAsync(Arg.Any<Product>(), Arg.Any<CancellationToken>()).Returns(false);

        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(Command("MUG-01"), CancellationToken.None).AsTask());

        exception.Errors.Keys.ShouldBe(["sku"]);
        exception.Errors["sku"].ShouldBe(["SKU already exists"]);
    }

    private static CreateProductCommand Command(string sku) => new(sku, " Mug ", "Holds tea.", 1999, "EUR", 7);

    private CreateProductCommandHandler CreateHandler() => new(_products, TestMapper.Instance, _clock);
}
