using ShopEase.Domain.Mfa;

namespace ShopEase.Domain.UnitTests.Mfa;

public sealed class TotpAuthenticatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 30, 0, TimeSpan.Zero);
    private static readonly Guid UserId = Guid.NewGuid();

    [Fact]
    public void Begin_IsPendingWithNoStepUsed()
    {
        var authenticator = TotpAuthenticator.Begin(UserId, [1, 2, 3], "key-1", Now);

        authenticator.IsConfirmed.ShouldBeFalse();
        authenticator.ConfirmedAt.ShouldBeNull();
        authenticator.LastUsedStep.ShouldBe(0);
        authenticator.UserId.ShouldBe(UserId);
        authenticator.KeyId.ShouldBe("key-1");
        authenticator.CreatedAt.ShouldBe(Now);
    }

    [Fact]
    public void Begin_EachSetUpHasItsOwnId()
    {
        var first = TotpAuthenticator.Begin(UserId, [1], "key-1", Now);
        var second = TotpAuthenticator.Begin(UserId, [1], "key-1", Now);

        first.Id.ShouldNotBe(second.Id);
        first.Id.Version.ShouldBe(7);
    }

    [Fact]
    public void Begin_WithoutASecretOrKeyId_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => TotpAuthenticator.Begin(UserId, [], "key-1", Now));
        Should.Throw<ArgumentException>(() => TotpAuthenticator.Begin(UserId, [1], " ", Now));
    }
}
