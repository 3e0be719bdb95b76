using ShopEase.Domain.Carts;
using ShopEase.Domain.Common;
using ShopEase.Domain.Products;

namespace ShopEase.Domain.UnitTests.Carts;

public sealed class CartTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 30, 0, TimeSpan.Zero);
    private static readonly Guid UserId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");

    [Fact]
    public void LineTotal_IsTheUnitPriceTimesTheQuantity()
    {
        var line = new CartLine(Product("MUG", 1999, "EUR"), 3);

        line.LineTotal.ShouldBe(new Money(5997, "EUR"));
    }

    [Fact]
    public void NewLine_QuantityZero_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new CartLine(Product("MUG", 1999, "EUR"), 0));
    }

    [Fact]
    public void Fingerprint_IsTheSameForTheSameProductsAndQuantitiesInAnyOrder()
    {
        var mug = Product("MUG", 1999, "EUR");
        var tea = Product("TEA", 450, "EUR");

        new Cart(UserId, [new CartLine(mug, 2), new CartLine(tea, 1)]).Fingerprint()
            .ShouldBe(new Cart(UserId, [new CartLine(tea, 1), new CartLine(mug, 2)]).Fingerprint());
    }

    [Fact]
    public void Fingerprint_DiffersWhenAQuantityOrAProductDiffers()
    {
        var mug = Product("MUG", 1999, "EUR");
        var tea = Product("TEA", 450, "EUR");
        var fingerprint = new Cart(UserId, [new CartLine(mug, 2)]).Fingerprint();

        new Cart(UserId, [new CartLine(mug, 3)]).Fingerprint().ShouldNotBe(fingerprint);
        new Cart(UserId, [new CartLine(mug, 2), new CartLine(tea, 1)]).Fingerprint().ShouldNotBe(fingerprint);
    }

    [Fact]
    public void EmptyCart_IsEmptyWithNoTotals()
    {
        var cart = new Cart(UserId, []);

        cart.IsEmpty.ShouldBeTrue();
        cart.Totals.ShouldBeEmpty();
    }

    [Fact]
    public void Totals_OneCurrency_IsTheSumOfTheLineTotals()
    {
        var cart = new Cart(UserId, [new CartLine(Product("MUG", 1999, "EUR"), 2), new CartLine(Product("TEA", 450, "EUR"), 1)]);

        cart.IsEmpty.ShouldBeFalse();
        cart.Totals.ShouldBe([new Money(4448, "EUR")]);
    }

    [Fact]
    public void Totals_TwoCurrencies_AreSummedApartInCurrencyOrder()
    {
        var cart = new Cart(UserId,
        [
            new CartLine(Product("MUG", 1999, "USD"), 1),
            new CartLine(Product("TEA", 450, "EUR"), 2),
            new CartLine(Product("POT", 1, "USD"), 1),
        ]);

        cart.Totals.ShouldBe([new Money(900, "EUR"), new Money(2000, "USD")]);
    }

    [Fact]
    public void CurrenciesExcept_LeavesOutTheGivenProduct()
    {
        var mug = Product("MUG", 1999, "USD");
        var cart = new Cart(UserId, [new CartLine(mug, 1), new CartLine(Product("TEA", 450, "EUR"), 2)]);

        cart.CurrenciesExcept(mug.Id).ShouldBe(["EUR"]);
    }

    private static Product Product(string sku, long amount, string currency) =>
        Domain.Products.Product.Create(sku, sku, "", new Money(amount, currency), 10, Now);
}
