using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;
using ShopEase.Application.Admin.Users.Models;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Admin.Users.Models;

public sealed class AdminUserMappingProfileTests
{
    private static readonly DateTimeOffset Joined = TestClock.Start.AddDays(-10);

    [Fact]
    public void Configuration_MapsEveryDestinationMember()
    {
        var configuration = new MapperConfiguration(cfg => cfg.AddProfile<AdminUserMappingProfile>(), NullLoggerFactory.Instance);

        Should.NotThrow(configuration.AssertConfigurationIsValid);
    }

    [Fact]
    public void Map_UserWhoNeverLoggedIn_CopiesEveryFieldWithNoLastLogin()
    {
        var user = User.Register("ann@shop.io", "stored-hash", Joined);

        var dto = TestMapper.Instance.Map<AdminUserDto>(user);

        dto.ShouldBe(new AdminUserDto(user.Id, "ann@shop.io", IsActive: true, IsStaff: false, Joined, LastLoginAt: null, MfaEnabled: false));
    }

    [Fact]
    public void Map_InactiveStaffUserWhoLoggedIn_CopiesBothFlagsAndTheLastLogin()
    {
        var user = User.Register("ann@shop.io", "stored-hash", Joined);
        user.RecordLogin(TestClock.Start.AddHours(-1));
        user.GrantStaff();
        user.Deactivate();

        var dto = TestMapper.Instance.Map<AdminUserDto>(user);

        dto.ShouldBe(new AdminUserDto(user.Id, "ann@shop.io", IsActive: false, IsStaff: true, Joined, TestClock.Start.AddHours(-1), MfaEnabled: false));
    }

    [Fact]
    public void Map_UserWithSecondFactor_SaysMfaEnabled()
    {
        var user = User.Register("ann@shop.io", "stored-hash", Joined);
        user.EnableMfa();

        TestMapper.Instance.Map<AdminUserDto>(user).MfaEnabled.ShouldBeTrue();
    }
}
