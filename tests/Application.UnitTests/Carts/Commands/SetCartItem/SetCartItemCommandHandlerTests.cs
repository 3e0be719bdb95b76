using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Carts.Commands.SetCartItem;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Carts;
using ShopEase.Domain.Common;
using ShopEase.Domain.Products;

namespace ShopEase.Application.UnitTests.Carts.Commands.SetCartItem;

public sealed class SetCartItemCommandHandlerTests
{
    private static readonly Guid UserId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");

    private readonly ICartRepository _carts = Substitute.For<ICartRepository>();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly Product _mug = Product.Create("MUG-01", "Mug", "", new Money(1999, "EUR"), 10, TestClock.Start);

    public SetCartItemCommandHandlerTests() =>
        _carts.SetQuantityAsync(Arg.Any<Guid>(), Arg.Any<Guid>(), Arg.Any<int>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(true);

    [Fact]
    public async Task Handle_CartFilledByConcurrentAdditions_ThrowsValidationFailedOnProductId()
    {
        _carts.SetQuantityAsync(UserId, _mug.Id, 3, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(false);

        var exception = await Should.ThrowAsync<ShopEase.Application.Common.Exceptions.ValidationFailedException>(
            () => CreateHandler().Handle(new SetCartItemCommand(UserId, _mug.Id, 3), CancellationToken.None).AsTask());

        exception.Errors["productId"].ShouldBe([SetCartItemCommandValidator.CartFull]);
    }

    [Fact]
    public async Task Handle_SetsTheQuantityAtTheClocksNow()
    {
        _clock.Advance(TimeSpan.FromSeconds(30));
        _carts.GetAsync(UserId, Arg.Any<CancellationToken>()).Returns(new Cart(UserId, []));

        await CreateHandler().Handle(new SetCartItemCommand(UserId, _mug.Id, 3), CancellationToken.None);

        await _carts.Received(1).SetQuantityAsync(UserId, _mug.Id, 3, TestClock.Start.AddSeconds(30), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_ReturnsTheCartAsItIsAfterTheChange()
    {
        _carts.GetAsync(UserId, Arg.Any<CancellationToken>()).Returns(new Cart(UserId, [new CartLine(_mug, 3)]));

        var result = await CreateHandler().Handle(new SetCartItemCommand(UserId, _mug.Id, 3), CancellationToken.None);

        result.Items.ShouldHaveSingleItem().Quantity.ShouldBe(3);
        Received.InOrder(() =>
        {
            _carts.SetQuantityAsync(UserId, _mug.Id, 3, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
            _carts.GetAsync(UserId, Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task Handle_QuantityZero_IsPassedOnToRemoveTheLine()
    {
        _carts.GetAsync(UserId, Arg.Any<CancellationToken>()).Returns(new Cart(UserId, []));

        var result = await CreateHandler().Handle(new SetCartItemCommand(UserId, _mug.Id, 0), CancellationToken.None);

        result.Items.ShouldBeEmpty();
        await _carts.Received(1).SetQuantityAsync(UserId, _mug.Id, 0, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
    }

    private SetCartItemCommandHandler CreateHandler() => new(_carts, TestMapper.Instance, _clock);
}
