using NSubstitute;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Auth.Queries.GetCurrentUser;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Auth.Queries.GetCurrentUser;

public sealed class GetCurrentUserQueryHandlerTests
{
    private static readonly DateTimeOffset Joined = TestClock.Start.AddDays(-10);

    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly ICurrentUserCache _cache = Substitute.For<ICurrentUserCache>();
    private readonly User _ann = User.Register("ann@shop.io", "stored-hash", Joined);

    public GetCurrentUserQueryHandlerTests()
    {
        _users.FindByIdAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(_ann);
    }

    [Fact]
    public async Task Handle_ActiveUser_MapsEveryField()
    {
        var result = await CreateHandler().Handle(new GetCurrentUserQuery(_ann.Id), CancellationToken.None);

        result.ShouldBe(new CurrentUserDto(_ann.Id, "ann@shop.io", IsActive: true, IsStaff: false, Joined, EmailVerified: false, MfaEnabled: false));
    }

    [Fact]
    public async Task Handle_ActiveStaffUser_ReportsStaff()
    {
        _ann.GrantStaff();

        var result = await CreateHandler().Handle(new GetCurrentUserQuery(_ann.Id), CancellationToken.None);

        result.IsStaff.ShouldBeTrue();
    }

    [Fact]
    public async Task Handle_MissingUser_ThrowsTokenNotValid()
    {
        var unknownId = Guid.Parse("0193a5c2-0000-7000-8000-0000000000ff");

        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler().Handle(new GetCurrentUserQuery(unknownId), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Handle_InactiveUser_ThrowsTokenNotValidAndCachesNothing()
    {
        _ann.Deactivate();

        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler().Handle(new GetCurrentUserQuery(_ann.Id), CancellationToken.None).AsTask());

        _cache.DidNotReceive().Remember(Arg.Any<CurrentUserDto>());
    }

    [Fact]
    public async Task Handle_ActiveUser_CachesWhatItReturns()
    {
        var result = await CreateHandler().Handle(new GetCurrentUserQuery(_ann.Id), CancellationToken.None);

        _cache.Received(1).Remember(result);
    }

    [Fact]
    public async Task Handle_CachedUser_ReturnsTheCachedCopyWithoutAQuery()
    {
        var cached = new CurrentUserDto(_ann.Id, "ann@shop.io", IsActive: true, IsStaff: true, Joined, EmailVerified: true, MfaEnabled: false);
        _cache.TryGet(_ann.Id, out Arg.Any<CurrentUserDto?>()).Returns(call =>
        {
            call[1] = cached;
            return true;
        });

        var result = await CreateHandler().Handle(new GetCurrentUserQuery(_ann.Id), CancellationToken.None);

        result.ShouldBeSameAs(cached);
        await _users.DidNotReceive().FindByIdAsync(Arg.Any<Guid>(), Arg.Any<CancellationToken>());
    }

    private GetCurrentUserQueryHandler CreateHandler() => new(_users, _cache, TestMapper.Instance);
}
