using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Orders.Queries.ListOrders;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Carts;
using ShopEase.Domain.Common;
using ShopEase.Domain.Orders;
using ShopEase.Domain.Products;

namespace ShopEase.Application.UnitTests.Orders.Queries.ListOrders;

public sealed class ListOrdersQueryHandlerTests
{
    private static readonly Guid UserId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");

    private readonly IOrderRepository _orders = Substitute.For<IOrderRepository>();

    [Fact]
    public async Task Handle_AsksForTheCallersPage_AndReturnsItMappedWithTheTotal()
    {
        var mug = Product.Create("MUG-01", "Mug", "", new Money(1999, "EUR"), 5, TestClock.Start);
        var newer = Order.Place(new Cart(UserId, [new CartLine(mug, 2)]), TestClock.Start.AddHours(1), null);
        var older = Order.Place(new Cart(UserId, [new CartLine(mug, 1)]), TestClock.Start, null);
        _orders.ListAsync(UserId, 2, 5, Arg.Any<CancellationToken>()).Returns(([newer, older], 7));

        var result = await new ListOrdersQueryHandler(_orders, TestMapper.Instance)
            .Handle(new ListOrdersQuery(UserId, 2, 5), CancellationToken.None);

        result.Items.Select(o => o.Id).ShouldBe([newer.Id, older.Id]);
        result.Page.ShouldBe(2);
        result.PageSize.ShouldBe(5);
        result.Total.ShouldBe(7);
    }
}
