using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Auth;
using ShopEase.Application.Auth.Commands.LoginMfa;
using ShopEase.Application.Common;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Options;
using ShopEase.Application.Mfa;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Sessions;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Auth.Commands.LoginMfa;

public sealed class LoginMfaCommandHandlerTests
{
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly ITotpAuthenticatorRepository _authenticators = Substitute.For<ITotpAuthenticatorRepository>();
    private readonly IRecoveryCodeStore _recoveryCodes = Substitute.For<IRecoveryCodeStore>();
    private readonly ILoginThrottle _throttle = Substitute.For<ILoginThrottle>();
    private readonly ISessionStore _refreshTokens = Substitute.For<ISessionStore>();
    private readonly ITokenIssuer _tokenIssuer = Substitute.For<ITokenIssuer>();
    private readonly IShopMetrics _metrics = Substitute.For<IShopMetrics>();
    private readonly InMemoryMfaChallengeStore _challenges = new();
    private readonly InlineTransactionScope _transaction = new();
    private readonly User _ann = User.Register("ann@shop.io", "stored-hash", TestClock.Start.AddDays(-10));
    private readonly string _token;

    public LoginMfaCommandHandlerTests()
    {
        _ann.EnableMfa();
        _users.FindByIdAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(_ann);
        _authenticators.FindAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(TestAuthenticators.Confirmed(_ann.Id));
        _authenticators.TryUseStepAsync(_ann.Id, Arg.Any<long>(), Arg.Any<CancellationToken>()).Returns(true);
        _refreshTokens.StartSessionAsync(Arg.Any<AuthSession>(), Arg.Any<DateTimeOffset>(), Arg.Any<Guid>(), Arg.Any<CancellationToken>()).Returns("refresh-token");
        _tokenIssuer.IssueAccessToken(Arg.Any<Guid>(), Arg.Any<Guid>()).Returns(new IssuedAccessToken("access-token", 3600));

        // The password step, as login made it: five minutes from now.
        _token = _challenges.CreateAsync(
            _ann.Id, _ann.PasswordStamp, TestClock.Start, TestClock.Start + MfaRules.ChallengeLifetime, CancellationToken.None).Result;
    }

    [Fact]
    public async Task Handle_CurrentCode_StartsASessionForTheUser()
    {
        var result = await Handle(Code(TestClock.Start));

        result.User.Id.ShouldBe(_ann.Id);
        result.Access.ShouldBe("access-token");
        result.Refresh.ShouldBe("refresh-token");
    }

    [Fact]
    public async Task Handle_CurrentCode_SpendsItsStepAndTheToken()
    {
        await Handle(Code(TestClock.Start));

        await _authenticators.Received(1).TryUseStepAsync(_ann.Id, TestAuthenticators.StepAt(TestClock.Start), Arg.Any<CancellationToken>());
        _challenges.Entries.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(30)]
    public async Task Handle_CodeOfTheNeighbouringStep_IsAcceptedForClockDrift(int offsetSeconds)
    {
        _clock.Advance(TimeSpan.FromMinutes(1));

        var result = await Handle(Code(_clock.GetUtcNow().AddSeconds(offsetSeconds)));

        result.User.Id.ShouldBe(_ann.Id);
        await _authenticators.Received(1).TryUseStepAsync(
            _ann.Id, TestAuthenticators.StepAt(_clock.GetUtcNow().AddSeconds(offsetSeconds)), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(60)]
    public async Task Handle_CodeTwoStepsAway_IsInvalid(int offsetSeconds)
    {
        _clock.Advance(TimeSpan.FromMinutes(1));

        await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(Code(_clock.GetUtcNow().AddSeconds(offsetSeconds))));
    }

    [Fact]
    public async Task Handle_CodeOfAStepAlreadyUsed_IsInvalidWithoutTryingToSpendIt()
    {
        _authenticators.FindAsync(_ann.Id, Arg.Any<CancellationToken>())
            .Returns(TestAuthenticators.Confirmed(_ann.Id, lastUsedStep: TestAuthenticators.StepAt(TestClock.Start)));

        await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(Code(TestClock.Start)));

        await _authenticators.DidNotReceiveWithAnyArgs().TryUseStepAsync(default, default, default);
    }

    [Fact]
    public async Task Handle_CodeOfAnEarlierStepThanTheLastUsed_IsInvalid()
    {
        _authenticators.FindAsync(_ann.Id, Arg.Any<CancellationToken>())
            .Returns(TestAuthenticators.Confirmed(_ann.Id, lastUsedStep: TestAuthenticators.StepAt(TestClock.Start.AddSeconds(30))));

        await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(Code(TestClock.Start)));
    }

    [Fact]
    public async Task Handle_SameCodeLosingTheRaceToSpendItsStep_IsInvalidAndKeepsTheToken()
    {
        _authenticators.TryUseStepAsync(_ann.Id, Arg.Any<long>(), Arg.Any<CancellationToken>()).Returns(false);

        await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(Code(TestClock.Start)));

        _challenges.Entries.ShouldHaveSingleItem();
        await _refreshTokens.DidNotReceiveWithAnyArgs().StartSessionAsync(default!, default, default, default);
    }

    [Fact]
    public async Task Handle_WrongCode_CountsTowardsTheAccountLockout()
    {
        await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(WrongCode()));

        await _throttle.Received().CountAttemptAsync("ann@shop.io", Arg.Any<CancellationToken>());
        await _throttle.DidNotReceiveWithAnyArgs().ResetAsync(default!, default);
        await _throttle.DidNotReceiveWithAnyArgs().ResetAsync(default!, default);
    }

    [Fact]
    public async Task Handle_WrongCode_NamesTheUserForTheAuditTrail()
    {
        var error = await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(WrongCode()));

        error.UserId.ShouldBe(_ann.Id);
    }

    [Fact]
    public async Task Handle_RightCode_ClearsTheFailureCount()
    {
        await Handle(Code(TestClock.Start));

        await _throttle.Received(1).ResetAsync("ann@shop.io", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_LockedAccount_Is429WithoutLookingAtTheCode()
    {
        _throttle.CountAttemptAsync("ann@shop.io", Arg.Any<CancellationToken>()).Returns(TimeSpan.FromMinutes(7));

        var error = await Should.ThrowAsync<RateLimitedException>(() => Handle(Code(TestClock.Start)));

        error.RetryAfter.ShouldBe(TimeSpan.FromMinutes(7));
        await _authenticators.DidNotReceiveWithAnyArgs().TryUseStepAsync(default, default, default);
    }

    [Fact]
    public async Task Handle_FiveWrongCodes_ThenTheTokenIsDeadEvenForTheRightCode()
    {
        for (var i = 0; i < MfaRules.MaxCodeAttempts; i++)
        {
            await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(WrongCode()));
        }

        await Should.ThrowAsync<TokenNotValidException>(() => Handle(Code(TestClock.Start)));
    }

    [Fact]
    public async Task Handle_FourWrongCodes_TheFifthAttemptMayStillBeRight()
    {
        for (var i = 0; i < MfaRules.MaxCodeAttempts - 1; i++)
        {
            await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(WrongCode()));
        }

        (await Handle(Code(TestClock.Start))).User.Id.ShouldBe(_ann.Id);
    }

    [Fact]
    public async Task Handle_JustBeforeFiveMinutes_TheTokenStillWorks()
    {
        _clock.Advance(MfaRules.ChallengeLifetime - TimeSpan.FromSeconds(1));

        (await Handle(Code(_clock.GetUtcNow()))).User.Id.ShouldBe(_ann.Id);
    }

    [Fact]
    public async Task Handle_AfterFiveMinutes_TheTokenIsDead()
    {
        _clock.Advance(MfaRules.ChallengeLifetime);

        await Should.ThrowAsync<TokenNotValidException>(() => Handle(Code(_clock.GetUtcNow())));
    }

    [Fact]
    public async Task Handle_TokenUsedOnce_IsDeadTheSecondTime()
    {
        await Handle(Code(TestClock.Start));

        await Should.ThrowAsync<TokenNotValidException>(() => Handle(Code(TestClock.Start.AddSeconds(30))));
    }

    [Fact]
    public async Task Handle_UnknownToken_IsNotValid()
    {
        await Should.ThrowAsync<TokenNotValidException>(
            () => Handle(new LoginMfaCommand("not-a-token", TestAuthenticators.CodeAt(TestClock.Start), null, ClientInfo.Unknown)));
    }

    [Fact]
    public async Task Handle_PasswordChangedSinceTheChallenge_TheTokenIsDead()
    {
        _ann.ChangePassword("a-newer-hash");

        await Should.ThrowAsync<TokenNotValidException>(() => Handle(Code(TestClock.Start)));
    }

    [Fact]
    public async Task Handle_OnlyThePasswordsHashUpgradedSinceTheChallenge_TheTokenStillWorks()
    {
        _ann.ChangePasswordHash("the-same-password-hashed-anew");

        var result = await Handle(Code(TestClock.Start));

        result.User.Id.ShouldBe(_ann.Id);
    }

    [Fact]
    public async Task Handle_AccountDeactivatedSinceTheChallenge_TheTokenIsDead()
    {
        _ann.Deactivate();

        await Should.ThrowAsync<TokenNotValidException>(() => Handle(Code(TestClock.Start)));
    }

    [Fact]
    public async Task Handle_SecondFactorTurnedOffSinceTheChallenge_TheTokenIsDead()
    {
        _ann.DisableMfa();

        await Should.ThrowAsync<TokenNotValidException>(() => Handle(Code(TestClock.Start)));
    }

    [Fact]
    public async Task Handle_UnusedRecoveryCode_StartsASession()
    {
        _recoveryCodes.TryUseAsync(_ann.Id, "ABCDEFGH23", TestClock.Start, Arg.Any<CancellationToken>()).Returns(true);

        var result = await Handle(new LoginMfaCommand(_token, null, "abcde-fgh23", ClientInfo.Unknown));

        result.User.Id.ShouldBe(_ann.Id);
        await _authenticators.DidNotReceiveWithAnyArgs().TryUseStepAsync(default, default, default);
    }

    [Fact]
    public async Task Handle_UsedOrUnknownRecoveryCode_IsInvalidAndCounted()
    {
        _recoveryCodes.TryUseAsync(_ann.Id, Arg.Any<string>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(false);

        await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(new LoginMfaCommand(_token, null, "abcde-fgh23", ClientInfo.Unknown)));

        await _throttle.Received().CountAttemptAsync("ann@shop.io", Arg.Any<CancellationToken>());
        await _throttle.DidNotReceiveWithAnyArgs().ResetAsync(default!, default);
    }

    [Fact]
    public async Task Handle_TokenSpentByARequestThatClaimedItFirst_IsNotValid_AndTheFactorIsNotCommitted()
    {
        // Two requests with one token and two right factors both claimed an attempt; the other one spent the token.
        _recoveryCodes.TryUseAsync(_ann.Id, Arg.Any<string>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(true);
        var challenge = new MfaChallenge(Guid.NewGuid(), _ann.Id, _ann.PasswordStamp);
        var store = Substitute.For<IMfaChallengeStore>();
        store.ClaimAttemptAsync("raced", Arg.Any<DateTimeOffset>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(challenge);
        store.TryConsumeAsync(challenge.Id, Arg.Any<CancellationToken>()).Returns(false);

        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler(store).Handle(new LoginMfaCommand("raced", null, "abcde-fgh23", ClientInfo.Unknown), CancellationToken.None).AsTask());

        await _recoveryCodes.Received(1).TryUseAsync(_ann.Id, "ABCDEFGH23", Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
        _transaction.Runs.ShouldBe(1);
        _transaction.Commits.ShouldBe(0, "the recovery code it spent goes back with the transaction");
    }

    [Fact]
    public async Task Handle_Success_IsCountedAsASucceededLogin()
    {
        await Handle(Code(TestClock.Start));

        _metrics.Received(1).LoginAttempted(LoginOutcome.Succeeded);
    }

    [Fact]
    public async Task Handle_WrongCode_IsCountedAsAFailedSecondFactor()
    {
        await Should.ThrowAsync<InvalidMfaCodeException>(() => Handle(WrongCode()));

        _metrics.Received(1).LoginAttempted(LoginOutcome.SecondFactorFailed);
        _metrics.DidNotReceive().LoginAttempted(LoginOutcome.Succeeded);
    }

    [Fact]
    public async Task Handle_Success_RecordsTheLogin()
    {
        _clock.Advance(TimeSpan.FromSeconds(40));

        await Handle(Code(_clock.GetUtcNow()));

        _ann.LastLoginAt.ShouldBe(_clock.GetUtcNow());
        await _users.Received(1).UpdateAsync(_ann, Arg.Any<CancellationToken>());
    }

    private LoginMfaCommand Code(DateTimeOffset at) => new(_token, TestAuthenticators.CodeAt(at), null, ClientInfo.Unknown);

    private LoginMfaCommand WrongCode()
    {
        var right = TestAuthenticators.CodeAt(_clock.GetUtcNow());
        return new LoginMfaCommand(_token, right == "000000" ? "000001" : "000000", null, ClientInfo.Unknown);
    }

    private Task<ShopEase.Application.Auth.Models.AuthResult> Handle(LoginMfaCommand command) => CreateHandler(_challenges).Handle(command, CancellationToken.None).AsTask();

    private LoginMfaCommandHandler CreateHandler(IMfaChallengeStore challenges) =>
        new(
            challenges,
            _users,
            _authenticators,
            new SecondFactor(_authenticators, _recoveryCodes, new PlainSecretProtector(), _clock),
            _throttle,
            _transaction,
            new SessionStarter(_refreshTokens, _tokenIssuer, TestMapper.Instance, _clock, Options.Create(new SessionOptions())),
            _clock,
            _metrics);
}
