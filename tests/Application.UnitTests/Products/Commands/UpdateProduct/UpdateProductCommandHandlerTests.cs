using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Models;
using ShopEase.Application.Products.Commands.UpdateProduct;
using ShopEase.Application.Products.Models;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Common;
using ShopEase.Domain.Products;

namespace ShopEase.Application.UnitTests.Products.Commands.UpdateProduct;

public sealed class UpdateProductCommandHandlerTests
{
    private static readonly DateTimeOffset Created = TestClock.Start.AddDays(-3);

    private readonly IProductRepository _products = Substitute.For<IProductRepository>();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly Product _mug = Product.Create("MUG-01", "Mug", "", new Money(1999, "EUR"), 7, Created);

    public UpdateProductCommandHandlerTests()
    {
        _products.FindAsync(_mug.Id, Arg.Any<CancellationToken>()).Returns(_mug);
        _products.TryUpdateAsync(Arg.Any<Product>(), Arg.Any<CancellationToken>()).Returns(true);
    }

    [Fact]
    public async Task Handle_UnknownOrDeletedProduct_ThrowsNotFoundAndSavesNothing()
    {
        var command = Command() with { ProductId = Guid.NewGuid() };

        await Should.ThrowAsync<NotFoundException>(() => CreateHandler().Handle(command, CancellationToken.None).AsTask());

        await _products.DidNotReceiveWithAnyArgs().TryUpdateAsync(default!, default);
    }

    [Fact]
    public async Task Handle_SavesEveryNewFieldStampedNow()
    {
        await CreateHandler().Handle(Command(), CancellationToken.None);

        await _products.Received(1).TryUpdateAsync(
            Arg.Is<Product>(p => p.Id == _mug.Id && p.Sku == "MUG-02" && p.Name == "Big mug"
                && p.Price == new Money(2499, "USD") && p.Stock == 0 && p.UpdatedAt == TestClock.Start),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_ReturnsTheProductMappedWithItsOriginalCreationTime()
    {
        var result = await CreateHandler().Handle(Command(), CancellationToken.None);

        result.ShouldBe(new ProductDto(
            _mug.Id, "MUG-02", "Big mug", "Holds more.", new MoneyDto(2499, "USD"), 0, Created, TestClock.Start));
    }

    [Fact]
    public async Task Handle_WhenTheSkuWasTakenMeanwhile_ThrowsValidationFailedOnSku()
    {
        _products.TryUpdateAsync(Arg.Any<Product>(), Arg.Any<CancellationToken>()).Returns(false);

        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(Command(), CancellationToken.None).AsTask());

        exception.Errors["sku"].ShouldBe(["SKU already exists"]);
    }

    private UpdateProductCommand Command() => new(_mug.Id, "mug-02", "Big mug", "Holds more.", 2499, "USD", 0);

    private UpdateProductCommandHandler CreateHandler() => new(_products, TestMapper.Instance, _clock);
}
