using FluentValidation.Results;
using ShopEase.Application.Orders.Commands.Checkout;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Orders.Commands.Checkout;

public sealed class CheckoutCommandValidatorTests
{
    private const string Message = "Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID.";
    private static readonly Guid UserId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");

    [Theory]
    [InlineData(null)]
    [InlineData("3f1c2a52-7d48-4a09-8a09-59c831ef7dff")]
    [InlineData("checkout:42!")]
    public async Task Validate_NoKeyOrAVisibleAsciiKey_IsValid(string? key)
    {
        var result = await Validate(key);

        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Validate_KeyOf255Characters_IsValid()
    {
        var result = await Validate(new string('k', 255));

        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Validate_KeyOf256Characters_ReportsIdempotencyKey()
    {
        var result = await Validate(new string('k', 256));

        result.MessagesFor("IdempotencyKey").ShouldBe([Message]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("caf\u00e9")]
    [InlineData("tab\there")]
    public async Task Validate_EmptyOrOtherCharacters_ReportsIdempotencyKey(string key)
    {
        var result = await Validate(key);

        result.MessagesFor("IdempotencyKey").ShouldBe([Message]);
    }

    private static Task<ValidationResult> Validate(string? key) =>
        new CheckoutCommandValidator().ValidateAsync(new CheckoutCommand(UserId, key));
}
