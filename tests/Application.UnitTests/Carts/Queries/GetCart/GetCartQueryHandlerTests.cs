using NSubstitute;
using ShopEase.Application.Carts.Queries.GetCart;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Models;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Carts;
using ShopEase.Domain.Common;
using ShopEase.Domain.Products;

namespace ShopEase.Application.UnitTests.Carts.Queries.GetCart;

public sealed class GetCartQueryHandlerTests
{
    private static readonly Guid UserId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");

    private readonly ICartRepository _carts = Substitute.For<ICartRepository>();

    [Fact]
    public async Task Handle_ReturnsTheCallersCartMapped()
    {
        var mug = Product.Create("MUG-01", "Mug", "", new Money(1999, "EUR"), 10, TestClock.Start);
        _carts.GetAsync(UserId, Arg.Any<CancellationToken>()).Returns(new Cart(UserId, [new CartLine(mug, 2)]));

        var result = await new GetCartQueryHandler(_carts, TestMapper.Instance).Handle(new GetCartQuery(UserId), CancellationToken.None);

        result.Items.ShouldHaveSingleItem().ProductId.ShouldBe(mug.Id);
        result.Totals.ShouldBe([new MoneyDto(3998, "EUR")]);
    }

    [Fact]
    public async Task Handle_NoCartYet_ReturnsAnEmptyCart()
    {
        _carts.GetAsync(UserId, Arg.Any<CancellationToken>()).Returns(new Cart(UserId, []));

        var result = await new GetCartQueryHandler(_carts, TestMapper.Instance).Handle(new GetCartQuery(UserId), CancellationToken.None);

        result.Items.ShouldBeEmpty();
        result.Totals.ShouldBeEmpty();
    }
}
