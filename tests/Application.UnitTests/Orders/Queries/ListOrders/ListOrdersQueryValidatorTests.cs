using FluentValidation.Results;
using ShopEase.Application.Orders.Queries.ListOrders;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Orders.Queries.ListOrders;

public sealed class ListOrdersQueryValidatorTests
{
    private static readonly Guid UserId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1_000_000, 100)]
    public async Task Validate_PagingInRange_IsValid(int page, int pageSize)
    {
        var result = await Validate(new ListOrdersQuery(UserId, page, pageSize));

        result.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_001)]
    public async Task Validate_PageOutOfRange_ReportsPage(int page)
    {
        var result = await Validate(new ListOrdersQuery(UserId, page, 20));

        result.MessagesFor("Page").ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Validate_PageSizeOutsideOneToHundred_ReportsPageSize(int pageSize)
    {
        var result = await Validate(new ListOrdersQuery(UserId, 1, pageSize));

        result.MessagesFor("PageSize").ShouldBe(["Page size must be between 1 and 100."]);
    }

    private static Task<ValidationResult> Validate(ListOrdersQuery query) => new ListOrdersQueryValidator().ValidateAsync(query);
}
