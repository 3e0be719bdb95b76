using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Mfa;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Mfa;

public sealed class SecondFactorTests
{
    private static readonly Guid UserId = Guid.NewGuid();

    private readonly ITotpAuthenticatorRepository _authenticators = Substitute.For<ITotpAuthenticatorRepository>();

    [Fact]
    public async Task TrySpendStep_SecretUnderAnEarlierKey_IsStoredAgainUnderTheCurrentKey()
    {
        var authenticator = TestAuthenticators.Confirmed(UserId, keyId: "earlier-key");
        _authenticators.TryUseStepAsync(UserId, 5, Arg.Any<CancellationToken>()).Returns(true);

        (await Create().TrySpendStepAsync(authenticator, 5, CancellationToken.None)).ShouldBeTrue();

        await _authenticators.Received(1).ReencryptAsync(
            authenticator.Id, Arg.Is<byte[]>(s => s.SequenceEqual(TestAuthenticators.Secret)), TestAuthenticators.KeyId, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task TrySpendStep_SecretUnderTheCurrentKey_IsLeftAsItIs()
    {
        var authenticator = TestAuthenticators.Confirmed(UserId);
        _authenticators.TryUseStepAsync(UserId, 5, Arg.Any<CancellationToken>()).Returns(true);

        await Create().TrySpendStepAsync(authenticator, 5, CancellationToken.None);

        await _authenticators.DidNotReceiveWithAnyArgs().ReencryptAsync(default, default!, default!, default);
    }

    [Fact]
    public async Task TryAcceptTotp_PendingAuthenticator_AcceptsNothing()
    {
        var pending = TestAuthenticators.Pending(UserId);

        (await Create().TryAcceptTotpAsync(pending, TestAuthenticators.CodeAt(TestClock.Start), CancellationToken.None)).ShouldBeFalse();
    }

    private SecondFactor Create() =>
        new(_authenticators, Substitute.For<IRecoveryCodeStore>(), new PlainSecretProtector(), TestClock.Create());
}
