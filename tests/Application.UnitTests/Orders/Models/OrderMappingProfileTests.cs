using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;
using ShopEase.Application.Common.Models;
using ShopEase.Application.Orders.Models;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Carts;
using ShopEase.Domain.Common;
using ShopEase.Domain.Orders;
using ShopEase.Domain.Products;

namespace ShopEase.Application.UnitTests.Orders.Models;

public sealed class OrderMappingProfileTests
{
    [Fact]
    public void Configuration_MapsEveryDestinationMember()
    {
        var configuration = new MapperConfiguration(
            cfg =>
            {
                cfg.AddProfile<OrderMappingProfile>();
                cfg.AddProfile<MoneyMappingProfile>();
            },
            NullLoggerFactory.Instance);

        Should.NotThrow(configuration.AssertConfigurationIsValid);
    }

    [Fact]
    public void Map_CopiesTheLinesTheTotalAndTheTime()
    {
        var mug = Product.Create("MUG-01", "Mug", "", new Money(1999, "EUR"), 10, TestClock.Start);
        var order = Order.Place(new Cart(Guid.NewGuid(), [new CartLine(mug, 3)]), TestClock.Start, null);

        var dto = TestMapper.Instance.Map<OrderDto>(order);

        dto.Id.ShouldBe(order.Id);
        dto.CreatedAt.ShouldBe(TestClock.Start);
        dto.Total.ShouldBe(new MoneyDto(5997, "EUR"));
        dto.Items.ShouldBe([new OrderLineDto(mug.Id, "MUG-01", "Mug", new MoneyDto(1999, "EUR"), 3, new MoneyDto(5997, "EUR"))]);
    }
}
