using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;
using ShopEase.Application.Common.Models;
using ShopEase.Application.Products.Models;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Common;
using ShopEase.Domain.Products;

namespace ShopEase.Application.UnitTests.Products.Models;

public sealed class ProductMappingProfileTests
{
    [Fact]
    public void Configuration_MapsEveryDestinationMember()
    {
        var configuration = new MapperConfiguration(
            cfg =>
            {
                cfg.AddProfile<ProductMappingProfile>();
                cfg.AddProfile<MoneyMappingProfile>();
            },
            NullLoggerFactory.Instance);

        Should.NotThrow(configuration.AssertConfigurationIsValid);
    }

    [Fact]
    public void Map_CopiesEveryFieldWithThePriceInMinorUnits()
    {
        var product = Product.Create("MUG-01", "Mug", "Holds tea.", new Money(1999, "EUR"), 7, TestClock.Start);

        var dto = TestMapper.Instance.Map<ProductDto>(product);

        dto.ShouldBe(new ProductDto(
            product.Id, "MUG-01", "Mug", "Holds tea.", new MoneyDto(1999, "EUR"), 7, TestClock.Start, TestClock.Start));
    }
}
