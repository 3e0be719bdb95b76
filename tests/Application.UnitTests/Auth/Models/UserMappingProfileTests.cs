using ShopEase.Application.Auth.Models;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Auth.Models;

public sealed class UserMappingProfileTests
{
    private static readonly DateTimeOffset Joined = TestClock.Start.AddDays(-10);

    [Fact]
    public void Configuration_MapsEveryDestinationMember()
    {
        var configuration = TestMapper.CreateConfiguration();

        Should.NotThrow(configuration.AssertConfigurationIsValid);
    }

    [Fact]
    public void Map_UserToUserDto_CopiesIdEmailAndDateJoined()
    {
        var user = User.Register("ann@shop.io", "stored-hash", Joined);

        var dto = TestMapper.Instance.Map<UserDto>(user);

        dto.ShouldBe(new UserDto(user.Id, "ann@shop.io", Joined));
    }

    [Fact]
    public void Map_InactiveStaffUserToCurrentUserDto_CopiesBothFlags()
    {
        var user = User.Register("ann@shop.io", "stored-hash", Joined);
        user.GrantStaff();
        user.Deactivate();

        var dto = TestMapper.Instance.Map<CurrentUserDto>(user);

        dto.ShouldBe(new CurrentUserDto(user.Id, "ann@shop.io", IsActive: false, IsStaff: true, Joined, EmailVerified: false, MfaEnabled: false));
    }

    [Fact]
    public void Map_UserWithAVerifiedEmailToCurrentUserDto_SaysSo()
    {
        var user = User.Register("ann@shop.io", "stored-hash", Joined);
        user.MarkEmailVerified(Joined.AddHours(1));

        var dto = TestMapper.Instance.Map<CurrentUserDto>(user);

        dto.EmailVerified.ShouldBeTrue();
    }

    [Fact]
    public void Map_UserWithSecondFactorToCurrentUserDto_SaysMfaEnabled()
    {
        var user = User.Register("ann@shop.io", "stored-hash", Joined);
        user.EnableMfa();

        TestMapper.Instance.Map<CurrentUserDto>(user).MfaEnabled.ShouldBeTrue();
    }
}
