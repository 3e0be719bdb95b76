using ShopEase.Domain.Users;

namespace ShopEase.Domain.UnitTests.Users;

public sealed class UserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Register_SetsAVersion7Id()
    {
        var user = User.Register("ann@shop.io", "hash", Now);

        user.Id.ShouldNotBe(Guid.Empty);
        user.Id.Version.ShouldBe(7);
    }

    [Fact]
    public void Register_GivesEachUserItsOwnId()
    {
        var first = User.Register("ann@shop.io", "hash", Now);
        var second = User.Register("bob@shop.io", "hash", Now);

        first.Id.ShouldNotBe(second.Id);
    }

    [Fact]
    public void Register_NormalisesTheEmail()
    {
        var user = User.Register("  Ann@Shop.IO ", "hash", Now);

        user.Email.ShouldBe("ann@shop.io");
    }

    [Fact]
    public void Register_KeepsTheGivenPasswordHash()
    {
        var user = User.Register("ann@shop.io", "AQAAAAIAAw1AAAAAEE", Now);

        user.PasswordHash.ShouldBe("AQAAAAIAAw1AAAAAEE");
    }

    [Fact]
    public void Register_MakesAnActiveAccount()
    {
        var user = User.Register("ann@shop.io", "hash", Now);

        user.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void Register_MakesANonStaffAccount()
    {
        var user = User.Register("ann@shop.io", "hash", Now);

        user.IsStaff.ShouldBeFalse();
    }

    [Fact]
    public void Register_DateJoinedIsNow()
    {
        var user = User.Register("ann@shop.io", "hash", Now);

        user.DateJoined.ShouldBe(Now);
    }

    [Fact]
    public void Register_HasNoLoginYet()
    {
        var user = User.Register("ann@shop.io", "hash", Now);

        user.LastLoginAt.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Register_BlankPasswordHash_Throws(string passwordHash)
    {
        Should.Throw<ArgumentException>(() => User.Register("ann@shop.io", passwordHash, Now));
    }

    [Fact]
    public void Register_NullPasswordHash_Throws()
    {
        Should.Throw<ArgumentNullException>(() => User.Register("ann@shop.io", null!, Now));
    }

    [Fact]
    public void RecordLogin_SetsLastLoginAt()
    {
        var user = User.Register("ann@shop.io", "hash", Now);

        user.RecordLogin(Now.AddDays(2));

        user.LastLoginAt.ShouldBe(Now.AddDays(2));
    }

    [Fact]
    public void ChangePasswordHash_ReplacesTheHash()
    {
        var user = User.Register("ann@shop.io", "old-hash", Now);

        user.ChangePasswordHash("new-hash");

        user.PasswordHash.ShouldBe("new-hash");
    }

    [Fact]
    public void ChangePasswordHash_OnlyUpgradesTheHash_TheStampStays()
    {
        var user = User.Register("ann@shop.io", "old-hash", Now);
        var stamp = user.PasswordStamp;

        user.ChangePasswordHash("stronger-hash");

        user.PasswordStamp.ShouldBe(stamp);
    }

    [Fact]
    public void ChangePassword_ReplacesTheHashAndTheStamp()
    {
        var user = User.Register("ann@shop.io", "old-hash", Now);
        var stamp = user.PasswordStamp;

        user.ChangePassword("hash-of-a-new-password");

        user.PasswordHash.ShouldBe("hash-of-a-new-password");
        user.PasswordStamp.ShouldNotBe(stamp);
    }

    [Fact]
    public void Register_GivesEveryAccountAStampOfItsOwn()
    {
        User.Register("ann@shop.io", "hash", Now).PasswordStamp
            .ShouldNotBe(User.Register("bob@shop.io", "hash", Now).PasswordStamp);
    }

    [Fact]
    public void ChangePasswordHash_Blank_ThrowsAndKeepsTheOldHash()
    {
        var user = User.Register("ann@shop.io", "old-hash", Now);

        Should.Throw<ArgumentException>(() => user.ChangePasswordHash(" "));

        user.PasswordHash.ShouldBe("old-hash");
    }

    [Fact]
    public void GrantStaff_MakesTheUserStaff()
    {
        var user = User.Register("ann@shop.io", "hash", Now);

        user.GrantStaff();

        user.IsStaff.ShouldBeTrue();
    }

    [Fact]
    public void Deactivate_MakesTheUserInactive()
    {
        var user = User.Register("ann@shop.io", "hash", Now);

        user.Deactivate();

        user.IsActive.ShouldBeFalse();
    }

    [Fact]
    public void Activate_AfterDeactivate_MakesTheUserActiveAgain()
    {
        var user = User.Register("ann@shop.io", "hash", Now);
        user.Deactivate();

        user.Activate();

        user.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void Register_HasNoSecondFactor()
    {
        User.Register("ann@shop.io", "hash", Now).MfaEnabled.ShouldBeFalse();
    }

    [Fact]
    public void EnableMfaThenDisableMfa_TurnsTheSecondFactorOnAndOff()
    {
        var user = User.Register("ann@shop.io", "hash", Now);

        user.EnableMfa();
        user.MfaEnabled.ShouldBeTrue();
        user.DisableMfa();
        user.MfaEnabled.ShouldBeFalse();
    }

    [Fact]
    public void Register_EmailIsNotVerified()
    {
        var user = User.Register("ann@shop.io", "hash", Now);

        user.EmailVerified.ShouldBeFalse();
    }

    [Fact]
    public void MarkEmailVerified_KeepsTheFirstProof()
    {
        var user = User.Register("ann@shop.io", "hash", Now);
        user.MarkEmailVerified(Now.AddHours(1));

        user.MarkEmailVerified(Now.AddHours(2));

        user.EmailVerifiedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void ChangeEmail_NormalisesTheNewAddress_AndCountsItAsVerified()
    {
        var user = User.Register("ann@shop.io", "hash", Now);

        user.ChangeEmail(" Ann.New@Shop.IO ", Now.AddDays(1));

        user.Email.ShouldBe("ann.new@shop.io");
        user.EmailVerifiedAt.ShouldBe(Now.AddDays(1));
    }
}
