using ShopEase.Domain.Common;
using ShopEase.Domain.Products;

namespace ShopEase.Domain.UnitTests.Products;

public sealed class ProductTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 30, 0, TimeSpan.Zero);
    private static readonly Money Price = new(1999, "EUR");

    [Fact]
    public void Create_NormalisesTheSkuAndTrimsTheText()
    {
        var product = Product.Create(" mug-01 ", "  Mug ", " Holds tea. ", Price, 5, Now);

        product.Sku.ShouldBe("MUG-01");
        product.Name.ShouldBe("Mug");
        product.Description.ShouldBe("Holds tea.");
    }

    [Fact]
    public void Create_IsLiveAndStampedNow()
    {
        var product = Product.Create("MUG-01", "Mug", "", Price, 5, Now);

        product.Id.ShouldNotBe(Guid.Empty);
        product.CreatedAt.ShouldBe(Now);
        product.UpdatedAt.ShouldBe(Now);
        product.DeletedAt.ShouldBeNull();
        product.Price.ShouldBe(Price);
        product.Stock.ShouldBe(5);
    }

    [Fact]
    public void Create_NegativeStock_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Product.Create("MUG-01", "Mug", "", Price, -1, Now));
    }

    [Fact]
    public void Update_ReplacesEveryFieldAndKeepsIdAndCreation()
    {
        var product = Product.Create("MUG-01", "Mug", "", Price, 5, Now);
        var id = product.Id;

        product.Update("mug-02", "Big mug", "Holds more tea.", new Money(2499, "USD"), 0, Now.AddHours(1));

        product.Id.ShouldBe(id);
        product.CreatedAt.ShouldBe(Now);
        product.UpdatedAt.ShouldBe(Now.AddHours(1));
        product.Sku.ShouldBe("MUG-02");
        product.Name.ShouldBe("Big mug");
        product.Description.ShouldBe("Holds more tea.");
        product.Price.ShouldBe(new Money(2499, "USD"));
        product.Stock.ShouldBe(0);
    }
}
