using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Orders.Queries.GetOrder;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Carts;
using ShopEase.Domain.Common;
using ShopEase.Domain.Orders;
using ShopEase.Domain.Products;

namespace ShopEase.Application.UnitTests.Orders.Queries.GetOrder;

public sealed class GetOrderQueryHandlerTests
{
    private static readonly Guid AnnId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");
    private static readonly Guid BobId = Guid.Parse("0193a5c2-0000-7000-8000-000000000002");

    private readonly IOrderRepository _orders = Substitute.For<IOrderRepository>();
    private readonly Order _annsOrder = Order.Place(
        new Cart(AnnId, [new CartLine(Product.Create("MUG-01", "Mug", "", new Money(1999, "EUR"), 5, TestClock.Start), 1)]),
        TestClock.Start,
        null);

    public GetOrderQueryHandlerTests()
    {
        _orders.FindAsync(AnnId, _annsOrder.Id, Arg.Any<CancellationToken>()).Returns(_annsOrder);
    }

    [Fact]
    public async Task Handle_OwnOrder_ReturnsItMapped()
    {
        var result = await CreateHandler().Handle(new GetOrderQuery(AnnId, _annsOrder.Id), CancellationToken.None);

        result.Id.ShouldBe(_annsOrder.Id);
        result.Items.ShouldHaveSingleItem().Sku.ShouldBe("MUG-01");
    }

    [Fact]
    public async Task Handle_AnotherUsersOrder_ThrowsNotFound()
    {
        await Should.ThrowAsync<NotFoundException>(
            () => CreateHandler().Handle(new GetOrderQuery(BobId, _annsOrder.Id), CancellationToken.None).AsTask());

        await _orders.Received(1).FindAsync(BobId, _annsOrder.Id, Arg.Any<CancellationToken>());
    }

    private GetOrderQueryHandler CreateHandler() => new(_orders, TestMapper.Instance);
}
