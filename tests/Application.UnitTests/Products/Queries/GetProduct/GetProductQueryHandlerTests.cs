using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Products.Queries.GetProduct;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Common;
using ShopEase.Domain.Products;

namespace ShopEase.Application.UnitTests.Products.Queries.GetProduct;

public sealed class GetProductQueryHandlerTests
{
    private readonly IProductRepository _products = Substitute.For<IProductRepository>();

    [Fact]
    public async Task Handle_LiveProduct_ReturnsItMapped()
    {
        var mug = Product.Create("MUG-01", "Mug", "", new Money(1999, "EUR"), 7, TestClock.Start);
        _products.FindAsync(mug.Id, Arg.Any<CancellationToken>()).Returns(mug);

        var result = await CreateHandler().Handle(new GetProductQuery(mug.Id), CancellationToken.None);

        result.Id.ShouldBe(mug.Id);
        result.Sku.ShouldBe("MUG-01");
        result.Price.Amount.ShouldBe(1999);
    }

    [Fact]
    public async Task Handle_UnknownOrDeletedProduct_ThrowsNotFound()
    {
        await Should.ThrowAsync<NotFoundException>(
            () => CreateHandler().Handle(new GetProductQuery(Guid.NewGuid()), CancellationToken.None).AsTask());
    }

    private GetProductQueryHandler CreateHandler() => new(_products, TestMapper.Instance);
}
