using ShopEase.Domain.Users;

namespace ShopEase.Domain.UnitTests.Users;

public sealed class EmailTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(EmailTokenPurpose.VerifyEmail, 24 * 60)]
    [InlineData(EmailTokenPurpose.ChangeEmail, 24 * 60)]
    [InlineData(EmailTokenPurpose.ResetPassword, 30)]
    public void Issue_ExpiresAfterItsPurposesLifetime(EmailTokenPurpose purpose, int minutes)
    {
        var token = EmailToken.Issue(Guid.NewGuid(), purpose, new byte[32], "ann@shop.io", Now);

        token.ExpiresAt.ShouldBe(Now.AddMinutes(minutes));
    }

    [Fact]
    public void Issue_NormalisesTheAddress()
    {
        var token = EmailToken.Issue(Guid.NewGuid(), EmailTokenPurpose.ChangeEmail, new byte[32], " New@Shop.IO ", Now);

        token.Email.ShouldBe("new@shop.io");
    }

    [Fact]
    public void Issue_RefusesAnythingButASha256Hash()
    {
        Should.Throw<ArgumentException>(() => EmailToken.Issue(Guid.NewGuid(), EmailTokenPurpose.VerifyEmail, new byte[16], "ann@shop.io", Now));
    }
}
