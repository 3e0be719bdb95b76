using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;
using ShopEase.Application.Carts.Models;
using ShopEase.Application.Common.Models;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Carts;
using ShopEase.Domain.Common;
using ShopEase.Domain.Products;

namespace ShopEase.Application.UnitTests.Carts.Models;

public sealed class CartMappingProfileTests
{
    [Fact]
    public void Configuration_MapsEveryDestinationMember()
    {
        var configuration = new MapperConfiguration(
            cfg =>
            {
                cfg.AddProfile<CartMappingProfile>();
                cfg.AddProfile<MoneyMappingProfile>();
            },
            NullLoggerFactory.Instance);

        Should.NotThrow(configuration.AssertConfigurationIsValid);
    }

    [Fact]
    public void Map_CopiesEachLineWithItsProductAndPricesAndTheTotals()
    {
        var mug = Product.Create("MUG-01", "Mug", "", new Money(1999, "EUR"), 10, TestClock.Start);
        var tea = Product.Create("TEA-01", "Tea", "", new Money(450, "EUR"), 10, TestClock.Start);
        var cart = new Cart(Guid.NewGuid(), [new CartLine(mug, 2), new CartLine(tea, 1)]);

        var dto = TestMapper.Instance.Map<CartDto>(cart);

        dto.Items.ShouldBe(
        [
            new CartItemDto(mug.Id, "Mug", new MoneyDto(1999, "EUR"), 2, new MoneyDto(3998, "EUR")),
            new CartItemDto(tea.Id, "Tea", new MoneyDto(450, "EUR"), 1, new MoneyDto(450, "EUR")),
        ]);
        dto.Totals.ShouldBe([new MoneyDto(4448, "EUR")]);
    }
}
