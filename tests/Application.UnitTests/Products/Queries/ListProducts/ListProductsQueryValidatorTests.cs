using FluentValidation.Results;
using ShopEase.Application.Products.Queries.ListProducts;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Products.Queries.ListProducts;

public sealed class ListProductsQueryValidatorTests
{
    private static readonly ListProductsQuery Good = new(1, 20, null, null, null, null);

    [Fact]
    public async Task Validate_Defaults_IsValid()
    {
        var result = await Validate(Good);

        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Validate_EveryFilterAndSort_IsValid()
    {
        var result = await Validate(new ListProductsQuery(2, 100, "tea", 0, 0, "newest"));

        result.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_001)]
    public async Task Validate_PageOutOfRange_ReportsPage(int page)
    {
        var result = await Validate(Good with { Page = page });

        result.MessagesFor("Page").ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Validate_PageSizeOutsideOneToHundred_ReportsPageSize(int pageSize)
    {
        var result = await Validate(Good with { PageSize = pageSize });

        result.MessagesFor("PageSize").ShouldBe(["Page size must be between 1 and 100."]);
    }

    [Fact]
    public async Task Validate_TextOf201Characters_ReportsItUnderQ()
    {
        var result = await Validate(Good with { Text = new string('t', 201) });

        result.MessagesFor("q").ShouldBe(["The search text must be at most 200 characters."]);
    }

    [Fact]
    public async Task Validate_NegativePrices_ReportBoth()
    {
        var result = await Validate(Good with { MinPrice = -1, MaxPrice = -1 });

        result.MessagesFor("MinPrice").ShouldBe(["Minimum price must be 0 or more."]);
        result.MessagesFor("MaxPrice").ShouldContain("Maximum price must be 0 or more.");
    }

    [Fact]
    public async Task Validate_MaxPriceBelowMinPrice_ReportsMaxPrice()
    {
        var result = await Validate(Good with { MinPrice = 500, MaxPrice = 499 });

        result.MessagesFor("MaxPrice").ShouldBe(["Maximum price must not be below the minimum price."]);
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("+price")]
    [InlineData("oldest")]
    public async Task Validate_UnknownSort_ReportsTheChoices(string sort)
    {
        var result = await Validate(Good with { Sort = sort });

        result.MessagesFor("Sort").ShouldBe(["Sort must be one of: name, price, -price, newest."]);
    }

    private static Task<ValidationResult> Validate(ListProductsQuery query) => new ListProductsQueryValidator().ValidateAsync(query);
}
