using FluentValidation.Results;
using NSubstitute;
using ShopEase.Application.Carts.Commands.SetCartItem;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Carts;
using ShopEase.Domain.Common;
using ShopEase.Domain.Products;

namespace ShopEase.Application.UnitTests.Carts.Commands.SetCartItem;

public sealed class SetCartItemCommandValidatorTests
{
    private static readonly Guid UserId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");

    private readonly IProductRepository _products = Substitute.For<IProductRepository>();
    private readonly ICartRepository _carts = Substitute.For<ICartRepository>();
    private readonly Product _mug = Product.Create("MUG-01", "Mug", "", new Money(1999, "EUR"), 5, TestClock.Start);

    public SetCartItemCommandValidatorTests()
    {
        _products.FindAsync(_mug.Id, Arg.Any<CancellationToken>()).Returns(_mug);
        _carts.GetAsync(UserId, Arg.Any<CancellationToken>()).Returns(new Cart(UserId, []));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task Validate_LiveProductWithinStock_IsValid(int quantity)
    {
        var result = await Validate(new SetCartItemCommand(UserId, _mug.Id, quantity));

        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Validate_MissingQuantity_ReportsQuantityRequired()
    {
        var result = await Validate(new SetCartItemCommand(UserId, _mug.Id, null));

        result.MessagesFor("Quantity").ShouldBe(["Quantity is required."]);
    }

    [Fact]
    public async Task Validate_NegativeQuantity_ReportsQuantityNotNegative_WithoutLookingUpTheProduct()
    {
        var result = await Validate(new SetCartItemCommand(UserId, _mug.Id, -1));

        result.MessagesFor("Quantity").ShouldBe(["Quantity must be 0 or more."]);
        await _products.DidNotReceiveWithAnyArgs().FindAsync(default, default);
    }

    [Fact]
    public async Task Validate_QuantityAboveTheLineLimit_ReportsTheLimit()
    {
        var result = await Validate(new SetCartItemCommand(UserId, _mug.Id, 10_001));

        result.MessagesFor("Quantity").ShouldBe(["Quantity must be at most 10000."]);
    }

    [Fact]
    public async Task Validate_QuantityAboveStock_ReportsHowManyAreLeft()
    {
        var result = await Validate(new SetCartItemCommand(UserId, _mug.Id, 6));

        result.MessagesFor("Quantity").ShouldBe(["Only 5 in stock."]);
    }

    [Fact]
    public async Task Validate_UnknownOrDeletedProduct_ReportsProductId()
    {
        var result = await Validate(new SetCartItemCommand(UserId, Guid.NewGuid(), 1));

        result.MessagesFor("ProductId").ShouldBe(["No such product."]);
    }

    [Fact]
    public async Task Validate_RemovingAnUnknownOrDeletedProduct_IsValid()
    {
        var result = await Validate(new SetCartItemCommand(UserId, Guid.NewGuid(), 0));

        result.IsValid.ShouldBeTrue();
        await _products.DidNotReceiveWithAnyArgs().FindAsync(default, default);
    }

    [Fact]
    public async Task Validate_ProductInAnotherCurrencyThanTheCart_ReportsProductId()
    {
        var tea = Product.Create("TEA-01", "Tea", "", new Money(450, "USD"), 5, TestClock.Start);
        _carts.GetAsync(UserId, Arg.Any<CancellationToken>()).Returns(new Cart(UserId, [new CartLine(tea, 1)]));

        var result = await Validate(new SetCartItemCommand(UserId, _mug.Id, 1));

        result.MessagesFor("ProductId").ShouldBe(["The cart holds products priced in USD; a cart takes one currency at a time."]);
    }

    [Fact]
    public async Task Validate_ANewProductForAFullCart_ReportsProductId()
    {
        _carts.GetAsync(UserId, Arg.Any<CancellationToken>()).Returns(new Cart(UserId, OtherLines(Cart.MaxLines)));

        var result = await Validate(new SetCartItemCommand(UserId, _mug.Id, 1));

        result.MessagesFor("ProductId").ShouldBe([SetCartItemCommandValidator.CartFull]);
    }

    [Fact]
    public async Task Validate_AProductAlreadyInAFullCart_IsValid()
    {
        _carts.GetAsync(UserId, Arg.Any<CancellationToken>())
            .Returns(new Cart(UserId, OtherLines(Cart.MaxLines - 1).Append(new CartLine(_mug, 1))));

        var result = await Validate(new SetCartItemCommand(UserId, _mug.Id, 2));

        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Validate_ChangingALineAlreadyInTheCart_IsValid()
    {
        _carts.GetAsync(UserId, Arg.Any<CancellationToken>()).Returns(new Cart(UserId, [new CartLine(_mug, 1)]));

        var result = await Validate(new SetCartItemCommand(UserId, _mug.Id, 2));

        result.IsValid.ShouldBeTrue();
    }

    private static IEnumerable<CartLine> OtherLines(int count) =>
        Enumerable.Range(0, count).Select(i =>
            new CartLine(Product.Create($"OTHER-{i}", "Other", "", new Money(100, "EUR"), 5, TestClock.Start), 1));

    private Task<ValidationResult> Validate(SetCartItemCommand command) =>
        new SetCartItemCommandValidator(_products, _carts).ValidateAsync(command);
}
