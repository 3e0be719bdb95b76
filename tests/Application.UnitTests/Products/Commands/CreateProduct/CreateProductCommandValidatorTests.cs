using FluentValidation.Results;
using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Products.Commands.CreateProduct;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Products.Commands.CreateProduct;

public sealed class CreateProductCommandValidatorTests
{
    private static readonly CreateProductCommand Good = new("MUG-01", "Mug", "Holds tea.", 1999, "EUR", 7);

    private readonly IProductRepository _products = Substitute.For<IProductRepository>();

    [Fact]
    public async Task Validate_GoodProduct_IsValid()
    {
        var result = await Validate(Good);

        result.IsValid.ShouldBeTrue();
        result.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_EmptyDescriptionAndFreeProductOutOfStock_IsValid()
    {
        var result = await Validate(Good with { Description = "", PriceAmount = 0, Stock = 0 });

        result.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Validate_MissingSku_ReportsSkuRequired(string sku)
    {
        var result = await Validate(Good with { Sku = sku });

        result.MessagesFor("Sku").ShouldBe(["SKU is required."]);
    }

    [Theory]
    [InlineData("MUG 01")]
    [InlineData("MUG/01")]
    public async Task Validate_MalformedSku_ReportsTheAllowedCharacters(string sku)
    {
        var result = await Validate(Good with { Sku = sku });

        result.MessagesFor("Sku").ShouldBe(["SKU must be at most 64 letters, digits, '-', '_' or '.'."]);
    }

    [Fact]
    public async Task Validate_SkuTakenInAnotherSpelling_IsFoundThroughTheNormalisedSku()
    {
        _products.SkuExistsAsync("MUG-01", null, Arg.Any<CancellationToken>()).Returns(true);

        var result = await Validate(Good with { Sku = "  mug-01 " });

        result.MessagesFor("Sku").ShouldBe(["SKU already exists"]);
    }

    [Fact]
    public async Task Validate_MalformedSku_DoesNotQueryUniqueness()
    {
        await Validate(Good with { Sku = "MUG 01" });

        await _products.DidNotReceiveWithAnyArgs().SkuExistsAsync(default!, default, default);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Validate_MissingName_ReportsNameRequired(string name)
    {
        var result = await Validate(Good with { Name = name });

        result.MessagesFor("Name").ShouldBe(["Name is required."]);
    }

    [Fact]
    public async Task Validate_NameOf201Characters_ReportsTooLong()
    {
        var result = await Validate(Good with { Name = new string('n', 201) });

        result.MessagesFor("Name").ShouldBe(["Name must be at most 200 characters."]);
    }

    [Fact]
    public async Task Validate_DescriptionOf4001Characters_ReportsTooLong()
    {
        var result = await Validate(Good with { Description = new string('d', 4001) });

        result.MessagesFor("Description").ShouldBe(["Description must be at most 4000 characters."]);
    }

    [Fact]
    public async Task Validate_MissingPriceAmount_ReportsItUnderPriceDotAmount()
    {
        var result = await Validate(Good with { PriceAmount = null });

        result.MessagesFor("price.amount").ShouldBe(["Price amount is required."]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000_000_001)]
    public async Task Validate_PriceAmountOutOfRange_ReportsTheRange(long amount)
    {
        var result = await Validate(Good with { PriceAmount = amount });

        result.MessagesFor("price.amount").ShouldBe(["Price amount must be a whole number of minor units from 0 to 1000000000000."]);
    }

    [Fact]
    public async Task Validate_MissingCurrency_ReportsItUnderPriceDotCurrency()
    {
        var result = await Validate(Good with { PriceCurrency = "" });

        result.MessagesFor("price.currency").ShouldBe(["Currency is required."]);
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("€")]
    public async Task Validate_CurrencyNotThreeUpperCaseLetters_ReportsIso4217(string currency)
    {
        var result = await Validate(Good with { PriceCurrency = currency });

        result.MessagesFor("price.currency").ShouldBe(["Currency must be an ISO 4217 code of three upper-case letters, e.g. EUR."]);
    }

    [Fact]
    public async Task Validate_MissingStock_ReportsStockRequired()
    {
        var result = await Validate(Good with { Stock = null });

        result.MessagesFor("Stock").ShouldBe(["Stock is required."]);
    }

    [Fact]
    public async Task Validate_NegativeStock_ReportsStockNotNegative()
    {
        var result = await Validate(Good with { Stock = -1 });

        result.MessagesFor("Stock").ShouldBe(["Stock must be 0 or more."]);
    }

    private Task<ValidationResult> Validate(CreateProductCommand command) =>
        new CreateProductCommandValidator(_products).ValidateAsync(command);
}
