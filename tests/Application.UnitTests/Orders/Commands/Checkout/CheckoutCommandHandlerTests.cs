using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Models;
using ShopEase.Application.Orders.Commands.Checkout;
using ShopEase.Application.Orders.Models;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Carts;
using ShopEase.Domain.Common;
using ShopEase.Domain.Orders;
using ShopEase.Domain.Products;

namespace ShopEase.Application.UnitTests.Orders.Commands.Checkout;

public sealed class CheckoutCommandHandlerTests
{
    private const string Key = "3f1c2a52-7d48-4a09-8a09-59c831ef7dff";
    private static readonly Guid UserId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");

    private readonly IOrderRepository _orders = Substitute.For<IOrderRepository>();
    private readonly IShopMetrics _metrics = Substitute.For<IShopMetrics>();
    private readonly ICartRepository _carts = Substitute.For<ICartRepository>();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly Product _mug = Product.Create("MUG-01", "Mug", "", new Money(1999, "EUR"), 5, TestClock.Start);
    private readonly Product _tea = Product.Create("TEA-01", "Tea", "", new Money(450, "EUR"), 5, TestClock.Start);
    private Order? _placed;

    public CheckoutCommandHandlerTests()
    {
        _carts.GetAsync(UserId, Arg.Any<CancellationToken>())
            .Returns(new Cart(UserId, [new CartLine(_mug, 2), new CartLine(_tea, 1)]));
        _orders.PlaceAsync(Arg.Do<Order>(o => _placed = o), Arg.Any<CancellationToken>()).Returns(OrderPlacement.Placed);
    }

    [Fact]
    public async Task Handle_PlacesAnOrderOfTheCartAtTheClocksNow()
    {
        _clock.Advance(TimeSpan.FromMinutes(1));

        await CreateHandler().Handle(new CheckoutCommand(UserId, Key), CancellationToken.None);

        _placed.ShouldNotBeNull();
        _placed.UserId.ShouldBe(UserId);
        _placed.CreatedAt.ShouldBe(TestClock.Start.AddMinutes(1));
        _placed.IdempotencyKey.ShouldBe(Key);
        _placed.Lines.Select(l => (l.ProductId, l.Quantity, l.UnitPrice)).ShouldBe(
            [(_mug.Id, 2, new Money(1999, "EUR")), (_tea.Id, 1, new Money(450, "EUR"))]);
    }

    [Fact]
    public async Task Handle_Placed_ReturnsTheNewOrderNotReplayed()
    {
        var result = await CreateHandler().Handle(new CheckoutCommand(UserId, null), CancellationToken.None);

        result.Replayed.ShouldBeFalse();
        result.Order.Id.ShouldBe(_placed!.Id);
        result.Order.Total.ShouldBe(new MoneyDto(4448, "EUR"));
        result.Order.Items.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Handle_Placed_CountsOneOrderPlaced()
    {
        await CreateHandler().Handle(new CheckoutCommand(UserId, Key), CancellationToken.None);

        _metrics.Received(1).OrderPlaced();
    }

    [Fact]
    public async Task Handle_KeyOfAnEarlierOrder_CountsNoNewOrder()
    {
        var earlier = Order.Place(new Cart(UserId, [new CartLine(_mug, 1)]), TestClock.Start.AddHours(-1), Key);
        _orders.FindByIdempotencyKeyAsync(UserId, Key, Arg.Any<CancellationToken>()).Returns(earlier);

        await CreateHandler().Handle(new CheckoutCommand(UserId, Key), CancellationToken.None);

        _metrics.DidNotReceiveWithAnyArgs().OrderPlaced();
    }

    [Fact]
    public async Task Handle_WithoutKey_NeverLooksForAnEarlierOrder()
    {
        await CreateHandler().Handle(new CheckoutCommand(UserId, null), CancellationToken.None);

        await _orders.DidNotReceiveWithAnyArgs().FindByIdempotencyKeyAsync(default, default!, default);
    }

    [Fact]
    public async Task Handle_KeyOfAnEarlierOrder_ReturnsItReplayed_AndTouchesNeitherCartNorStock()
    {
        var earlier = Order.Place(new Cart(UserId, [new CartLine(_mug, 1)]), TestClock.Start.AddHours(-1), Key);
        _orders.FindByIdempotencyKeyAsync(UserId, Key, Arg.Any<CancellationToken>()).Returns(earlier);

        var result = await CreateHandler().Handle(new CheckoutCommand(UserId, Key), CancellationToken.None);

        result.Replayed.ShouldBeTrue();
        result.Order.Id.ShouldBe(earlier.Id);
        result.Order.Items.ShouldBe(TestMapper.Instance.Map<OrderDto>(earlier).Items);
        await _carts.DidNotReceiveWithAnyArgs().GetAsync(default, default);
        await _orders.DidNotReceiveWithAnyArgs().PlaceAsync(default!, default);
    }

    [Fact]
    public async Task Handle_EmptyCart_ThrowsValidationFailedOnCart()
    {
        _carts.GetAsync(UserId, Arg.Any<CancellationToken>()).Returns(new Cart(UserId, []));

        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(new CheckoutCommand(UserId, Key), CancellationToken.None).AsTask());

        exception.Errors["cart"].ShouldBe(["The cart is empty."]);
        await _orders.DidNotReceiveWithAnyArgs().PlaceAsync(default!, default);
    }

    [Fact]
    public async Task Handle_CartEmptiedByAConcurrentRetryWithTheSameKey_ReturnsThatOrderReplayed()
    {
        var winner = Order.Place(new Cart(UserId, [new CartLine(_mug, 2)]), TestClock.Start, Key);
        _orders.FindByIdempotencyKeyAsync(UserId, Key, Arg.Any<CancellationToken>()).Returns(null, winner);
        _carts.GetAsync(UserId, Arg.Any<CancellationToken>()).Returns(new Cart(UserId, []));

        var result = await CreateHandler().Handle(new CheckoutCommand(UserId, Key), CancellationToken.None);

        result.Replayed.ShouldBeTrue();
        result.Order.Id.ShouldBe(winner.Id);
        await _orders.DidNotReceiveWithAnyArgs().PlaceAsync(default!, default);
    }

    [Fact]
    public async Task Handle_CartOfTwoCurrencies_ThrowsValidationFailedOnCart()
    {
        var dollars = Product.Create("CUP-01", "Cup", "", new Money(300, "USD"), 5, TestClock.Start);
        _carts.GetAsync(UserId, Arg.Any<CancellationToken>())
            .Returns(new Cart(UserId, [new CartLine(_mug, 1), new CartLine(dollars, 1)]));

        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(new CheckoutCommand(UserId, null), CancellationToken.None).AsTask());

        exception.Errors.Keys.ShouldBe(["cart"]);
        await _orders.DidNotReceiveWithAnyArgs().PlaceAsync(default!, default);
    }

    [Fact]
    public async Task Handle_ProductSoldOutMeanwhile_ThrowsOutOfStockNamingIt()
    {
        _orders.PlaceAsync(Arg.Any<Order>(), Arg.Any<CancellationToken>()).Returns(OrderPlacement.OutOfStock(_tea.Id));

        var exception = await Should.ThrowAsync<OutOfStockException>(
            () => CreateHandler().Handle(new CheckoutCommand(UserId, null), CancellationToken.None).AsTask());

        exception.ProductId.ShouldBe(_tea.Id);
        exception.Message.ShouldBe("Not enough stock of Tea.");
    }

    [Fact]
    public async Task Handle_ConcurrentRetryTookTheKeyFirst_ReturnsItsOrderReplayed()
    {
        var winner = Order.Place(new Cart(UserId, [new CartLine(_mug, 2)]), TestClock.Start, Key);
        _orders.FindByIdempotencyKeyAsync(UserId, Key, Arg.Any<CancellationToken>()).Returns(null, winner);
        _orders.PlaceAsync(Arg.Any<Order>(), Arg.Any<CancellationToken>()).Returns(OrderPlacement.DuplicateIdempotencyKey);

        var result = await CreateHandler().Handle(new CheckoutCommand(UserId, Key), CancellationToken.None);

        result.Replayed.ShouldBeTrue();
        result.Order.Id.ShouldBe(winner.Id);
    }

    [Fact]
    public async Task Handle_PassesTheCancellationTokenOn()
    {
        using var cancellation = new CancellationTokenSource();

        await CreateHandler().Handle(new CheckoutCommand(UserId, Key), cancellation.Token);

        await _orders.Received(1).FindByIdempotencyKeyAsync(UserId, Key, cancellation.Token);
        await _carts.Received(1).GetAsync(UserId, cancellation.Token);
        await _orders.Received(1).PlaceAsync(Arg.Any<Order>(), cancellation.Token);
    }

    private CheckoutCommandHandler CreateHandler() => new(_orders, _carts, TestMapper.Instance, _clock, _metrics);
}
