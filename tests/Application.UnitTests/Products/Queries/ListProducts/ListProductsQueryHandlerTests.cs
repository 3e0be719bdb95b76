using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Products.Queries.ListProducts;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Common;
using ShopEase.Domain.Products;

namespace ShopEase.Application.UnitTests.Products.Queries.ListProducts;

public sealed class ListProductsQueryHandlerTests
{
    private readonly IProductRepository _products = Substitute.For<IProductRepository>();
    private readonly Product _mug = Product.Create("MUG-01", "Mug", "", new Money(1999, "EUR"), 7, TestClock.Start);
    private readonly Product _tea = Product.Create("TEA-01", "Tea", "", new Money(499, "EUR"), 70, TestClock.Start);

    public ListProductsQueryHandlerTests()
    {
        _products
            .ListAsync(Arg.Any<ProductListFilter>(), Arg.Any<int>(), Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns(([_mug, _tea], 42));
    }

    [Fact]
    public async Task Handle_PassesTheFilterWithTheTextTrimmed()
    {
        await CreateHandler().Handle(new ListProductsQuery(2, 10, "  Green Tea ", 100, 5000, "-price"), CancellationToken.None);

        await _products.Received(1).ListAsync(
            new ProductListFilter("Green Tea", 100, 5000, ProductSort.PriceDescending), 2, 10, Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Handle_BlankText_AsksWithNoTextFilter(string? text)
    {
        await CreateHandler().Handle(new ListProductsQuery(1, 20, text, null, null, null), CancellationToken.None);

        await _products.Received(1).ListAsync(
            Arg.Is<ProductListFilter>(f => f.Text == null), 1, 20, Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(null, ProductSort.Name)]
    [InlineData("name", ProductSort.Name)]
    [InlineData("price", ProductSort.PriceAscending)]
    [InlineData("-price", ProductSort.PriceDescending)]
    [InlineData("newest", ProductSort.Newest)]
    public async Task Handle_SortName_BecomesItsOrder(string? sort, ProductSort expected)
    {
        await CreateHandler().Handle(new ListProductsQuery(1, 20, null, null, null, sort), CancellationToken.None);

        await _products.Received(1).ListAsync(
            Arg.Is<ProductListFilter>(f => f.Sort == expected), 1, 20, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_ReturnsThePageMappedInTheRepositorysOrderWithTheTotal()
    {
        var result = await CreateHandler().Handle(new ListProductsQuery(3, 2, null, null, null, null), CancellationToken.None);

        result.Items.Select(p => p.Sku).ShouldBe(["MUG-01", "TEA-01"]);
        result.Page.ShouldBe(3);
        result.PageSize.ShouldBe(2);
        result.Total.ShouldBe(42);
    }

    private ListProductsQueryHandler CreateHandler() => new(_products, TestMapper.Instance);
}
