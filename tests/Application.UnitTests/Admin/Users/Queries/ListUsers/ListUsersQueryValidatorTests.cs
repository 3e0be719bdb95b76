using FluentValidation.Results;
using ShopEase.Application.Admin.Users.Queries.ListUsers;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Admin.Users.Queries.ListUsers;

public sealed class ListUsersQueryValidatorTests
{
    [Fact]
    public async Task Validate_FirstPageOfTwentyWithoutFilter_IsValid()
    {
        var result = await Validate(new ListUsersQuery(1, 20, null));

        result.IsValid.ShouldBeTrue();
        result.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task Validate_PageBelowOne_ReportsPageTooSmall(int page)
    {
        var result = await Validate(new ListUsersQuery(page, 20, null));

        result.MessagesFor("Page").ShouldBe(["Page must be 1 or more."]);
    }

    [Fact]
    public async Task Validate_PageFarBeyondTheData_IsValid()
    {
        var result = await Validate(new ListUsersQuery(1000, 20, null));

        result.MessagesFor("Page").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_PageAtTheMaximum_IsValid()
    {
        var result = await Validate(new ListUsersQuery(ListUsersQuery.MaxPage, ListUsersQuery.MaxPageSize, null));

        result.MessagesFor("Page").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(ListUsersQuery.MaxPage + 1)]
    [InlineData(int.MaxValue)]
    public async Task Validate_PageAboveTheMaximum_ReportsPageTooLarge(int page)
    {
        var result = await Validate(new ListUsersQuery(page, ListUsersQuery.MaxPageSize, null));

        result.MessagesFor("Page").ShouldBe([$"Page must be at most {ListUsersQuery.MaxPage}."]);
    }

    // The repository skips (page - 1) * pageSize rows in int arithmetic; a wrapped, negative
    // offset would reach PostgreSQL and end in a 500 instead of a 400.
    [Fact]
    public void Bounds_LargestValidOffset_FitsInAnInt()
    {
        var largestOffset = (long)(ListUsersQuery.MaxPage - 1) * ListUsersQuery.MaxPageSize;

        largestOffset.ShouldBeLessThanOrEqualTo(int.MaxValue);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(101)]
    public async Task Validate_PageSizeOutsideOneToHundred_ReportsPageSizeOutOfRange(int pageSize)
    {
        var result = await Validate(new ListUsersQuery(1, pageSize, null));

        result.MessagesFor("PageSize").ShouldBe(["Page size must be between 1 and 100."]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task Validate_PageSizeAtTheBounds_IsValid(int pageSize)
    {
        var result = await Validate(new ListUsersQuery(1, pageSize, null));

        result.MessagesFor("PageSize").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_EmailFilterOf254Characters_IsValid()
    {
        var result = await Validate(new ListUsersQuery(1, 20, new string('a', 254)));

        result.MessagesFor("Email").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_EmailFilterOf255Characters_ReportsTooLong()
    {
        var result = await Validate(new ListUsersQuery(1, 20, new string('a', 255)));

        result.MessagesFor("Email").ShouldBe(["Email filter must be at most 254 characters."]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("shop.io")]
    public async Task Validate_EmailFilterThatIsNoWholeEmail_IsValid(string email)
    {
        var result = await Validate(new ListUsersQuery(1, 20, email));

        result.MessagesFor("Email").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_BadPageAndPageSize_ReportsBoth()
    {
        var result = await Validate(new ListUsersQuery(0, 0, null));

        result.MessagesFor("Page").ShouldBe(["Page must be 1 or more."]);
        result.MessagesFor("PageSize").ShouldBe(["Page size must be between 1 and 100."]);
    }

    private static Task<ValidationResult> Validate(ListUsersQuery query) => new ListUsersQueryValidator().ValidateAsync(query);
}
