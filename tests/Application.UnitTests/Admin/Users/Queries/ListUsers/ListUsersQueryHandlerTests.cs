using NSubstitute;
using ShopEase.Application.Admin.Users.Models;
using ShopEase.Application.Admin.Users.Queries.ListUsers;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Admin.Users.Queries.ListUsers;

public sealed class ListUsersQueryHandlerTests
{
    private static readonly DateTimeOffset AnnJoined = TestClock.Start.AddDays(-10);
    private static readonly DateTimeOffset BobJoined = TestClock.Start.AddDays(-3);

    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly User _ann = User.Register("ann@shop.io", "ann-hash", AnnJoined);
    private readonly User _bob = User.Register("bob@shop.io", "bob-hash", BobJoined);

    public ListUsersQueryHandlerTests()
    {
        _bob.GrantStaff();
        _ann.Deactivate();
        _users
            .ListAsync(Arg.Any<string?>(), Arg.Any<int>(), Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns(([_bob, _ann], 57));
    }

    [Fact]
    public async Task Handle_FilterWithSpacesAndCapitals_AsksTheRepositoryWithItNormalised()
    {
        await CreateHandler().Handle(new ListUsersQuery(1, 20, "  Ann@Shop.IO "), CancellationToken.None);

        await _users.Received(1).ListAsync("ann@shop.io", Arg.Any<int>(), Arg.Any<int>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Handle_BlankFilter_AsksTheRepositoryWithNoFilter(string? email)
    {
        await CreateHandler().Handle(new ListUsersQuery(1, 20, email), CancellationToken.None);

        await _users.Received(1).ListAsync(null, Arg.Any<int>(), Arg.Any<int>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_AsksTheRepositoryForThePageAndPageSize()
    {
        await CreateHandler().Handle(new ListUsersQuery(3, 25, null), CancellationToken.None);

        await _users.Received(1).ListAsync(Arg.Any<string?>(), 3, 25, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_ReturnsTheRepositorysItemsMappedInOrder()
    {
        var result = await CreateHandler().Handle(new ListUsersQuery(1, 2, null), CancellationToken.None);

        result.Items.ShouldBe(
        [
            new AdminUserDto(_bob.Id, "bob@shop.io", IsActive: true, IsStaff: true, BobJoined, LastLoginAt: null, MfaEnabled: false),
            new AdminUserDto(_ann.Id, "ann@shop.io", IsActive: false, IsStaff: false, AnnJoined, LastLoginAt: null, MfaEnabled: false),
        ]);
    }

    [Fact]
    public async Task Handle_ReturnsTheRepositorysTotalNotTheItemCount()
    {
        var result = await CreateHandler().Handle(new ListUsersQuery(1, 2, null), CancellationToken.None);

        result.Total.ShouldBe(57);
    }

    [Fact]
    public async Task Handle_ReturnsThePageAndPageSizeAskedFor()
    {
        var result = await CreateHandler().Handle(new ListUsersQuery(4, 2, null), CancellationToken.None);

        result.Page.ShouldBe(4);
        result.PageSize.ShouldBe(2);
    }

    [Fact]
    public async Task Handle_PageBeyondTheData_ReturnsNoItemsButTheTotal()
    {
        _users
            .ListAsync(Arg.Any<string?>(), Arg.Any<int>(), Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns(([], 57));

        var result = await CreateHandler().Handle(new ListUsersQuery(99, 20, null), CancellationToken.None);

        result.Items.ShouldBeEmpty();
        result.Total.ShouldBe(57);
    }

    private ListUsersQueryHandler CreateHandler() => new(_users, TestMapper.Instance);
}
