using ShopEase.Domain.Carts;
using ShopEase.Domain.Common;
using ShopEase.Domain.Orders;
using ShopEase.Domain.Products;

namespace ShopEase.Domain.UnitTests.Orders;

public sealed class OrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 30, 0, TimeSpan.Zero);
    private static readonly Guid UserId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");

    [Fact]
    public void IsRetryOf_TheCartItEmptiedOrTheSameCart_IsTrue_AnotherCartIsNot()
    {
        var mug = Product("MUG", 1999, "EUR");
        var order = Order.Place(new Cart(UserId, [new CartLine(mug, 2)]), Now, "key-1");

        order.IsRetryOf(new Cart(UserId, [])).ShouldBeTrue();
        order.IsRetryOf(new Cart(UserId, [new CartLine(mug, 2)])).ShouldBeTrue();
        order.IsRetryOf(new Cart(UserId, [new CartLine(mug, 1)])).ShouldBeFalse();
        order.IsRetryOf(new Cart(UserId, [new CartLine(Product("TEA", 450, "EUR"), 2)])).ShouldBeFalse();
    }

    [Fact]
    public void Place_WithoutAKey_KeepsNoFingerprint()
    {
        Order.Place(new Cart(UserId, [new CartLine(Product("MUG", 1999, "EUR"), 1)]), Now, null).IdempotencyFingerprint.ShouldBeNull();
    }

    [Fact]
    public void Place_CopiesEachLineWithItsPriceInCartOrder()
    {
        var mug = Product("MUG", 1999, "EUR");
        var tea = Product("TEA", 450, "EUR");

        var order = Order.Place(new Cart(UserId, [new CartLine(mug, 2), new CartLine(tea, 1)]), Now, "key-1");

        order.UserId.ShouldBe(UserId);
        order.CreatedAt.ShouldBe(Now);
        order.IdempotencyKey.ShouldBe("key-1");
        order.Lines.Select(l => (l.LineNumber, l.ProductId, l.Sku, l.Name, l.UnitPrice, l.Quantity)).ShouldBe(
        [
            (1, mug.Id, "MUG", "MUG", new Money(1999, "EUR"), 2),
            (2, tea.Id, "TEA", "TEA", new Money(450, "EUR"), 1),
        ]);
        order.Lines.ShouldAllBe(l => l.OrderId == order.Id);
        order.Total.ShouldBe(new Money(4448, "EUR"));
    }

    [Fact]
    public void Place_KeepsThePriceOfTheMoment_WhenTheProductChangesLater()
    {
        var mug = Product("MUG", 1999, "EUR");
        var order = Order.Place(new Cart(UserId, [new CartLine(mug, 1)]), Now, null);

        mug.Update("MUG", "Renamed", "", new Money(2999, "EUR"), 10, Now.AddHours(1));

        order.Lines[0].UnitPrice.ShouldBe(new Money(1999, "EUR"));
        order.Lines[0].Name.ShouldBe("MUG");
    }

    [Fact]
    public void Place_EmptyCart_Throws()
    {
        Should.Throw<InvalidOperationException>(() => Order.Place(new Cart(UserId, []), Now, null));
    }

    [Fact]
    public void Place_CartOfTwoCurrencies_Throws()
    {
        var cart = new Cart(UserId, [new CartLine(Product("MUG", 1, "EUR"), 1), new CartLine(Product("TEA", 1, "USD"), 1)]);

        Should.Throw<InvalidOperationException>(() => Order.Place(cart, Now, null));
    }

    private static Product Product(string sku, long amount, string currency) =>
        Domain.Products.Product.Create(sku, sku, "", new Money(amount, currency), 10, Now);
}
