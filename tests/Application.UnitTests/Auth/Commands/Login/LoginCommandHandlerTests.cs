using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Auth;
using ShopEase.Application.Auth.Commands.Login;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Options;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Sessions;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Auth.Commands.Login;

public sealed class LoginCommandHandlerTests
{
    private const string Password = "correct horse battery";
    private const string StoredHash = "stored-hash";

    private static readonly DateTimeOffset Joined = TestClock.Start.AddDays(-10);

    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IShopMetrics _metrics = Substitute.For<IShopMetrics>();
    private readonly IPasswordHasher _passwordHasher = Substitute.For<IPasswordHasher>();
    private readonly ISessionStore _refreshTokens = Substitute.For<ISessionStore>();
    private readonly ITokenIssuer _tokenIssuer = Substitute.For<ITokenIssuer>();
    private readonly ILoginThrottle _throttle = Substitute.For<ILoginThrottle>();
    private readonly IMfaChallengeStore _mfaChallenges = Substitute.For<IMfaChallengeStore>();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly AccountOptions _accounts = new();
    private readonly User _ann = User.Register("ann@shop.io", StoredHash, Joined);

    public LoginCommandHandlerTests()
    {
        _users.FindByEmailAsync("ann@shop.io", Arg.Any<CancellationToken>()).Returns(_ann);
        _passwordHasher.VerifyAsync(StoredHash, Password, Arg.Any<CancellationToken>()).Returns(PasswordCheck.Succeeded);
        _passwordHasher.VerifyAsync(StoredHash, Arg.Is<string>(p => p != Password), Arg.Any<CancellationToken>()).Returns(PasswordCheck.Failed);
        _passwordHasher.VerifyAgainstDummyHashAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(PasswordCheck.Failed);
        _refreshTokens
            .StartSessionAsync(Arg.Any<AuthSession>(), Arg.Any<DateTimeOffset>(), Arg.Any<Guid>(), Arg.Any<CancellationToken>())
            .Returns("refresh-token");
        _tokenIssuer.IssueAccessToken(Arg.Any<Guid>(), Arg.Any<Guid>()).Returns(new IssuedAccessToken("access-token", 3600));
    }

    [Fact]
    public async Task Handle_LooksTheUserUpByNormalisedEmail()
    {
        await CreateHandler().Handle(Command("  Ann@Shop.IO ", Password), CancellationToken.None);

        await _users.Received(1).FindByEmailAsync("ann@shop.io", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_UnknownEmail_ThrowsInvalidCredentials()
    {
        await Should.ThrowAsync<InvalidCredentialsException>(
            () => CreateHandler().Handle(Command("bob@shop.io", Password), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Handle_UnknownEmail_SpendsTheTimeOfAVerificationOnTheDummyHash()
    {
        await Should.ThrowAsync<InvalidCredentialsException>(
            () => CreateHandler().Handle(Command("bob@shop.io", Password), CancellationToken.None).AsTask());

        await _passwordHasher.Received(1).VerifyAgainstDummyHashAsync(Password, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_UnknownEmail_StartsNoSession()
    {
        await Should.ThrowAsync<InvalidCredentialsException>(
            () => CreateHandler().Handle(Command("bob@shop.io", Password), CancellationToken.None).AsTask());

        await _refreshTokens.DidNotReceiveWithAnyArgs().StartSessionAsync(default!, default, default, default);
        _tokenIssuer.DidNotReceiveWithAnyArgs().IssueAccessToken(default, default);
    }

    [Fact]
    public async Task Handle_WrongPassword_ThrowsInvalidCredentials()
    {
        await Should.ThrowAsync<InvalidCredentialsException>(
            () => CreateHandler().Handle(Command("ann@shop.io", "wrong password"), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Handle_WrongPassword_NeitherUpdatesTheUserNorStartsASession()
    {
        await Should.ThrowAsync<InvalidCredentialsException>(
            () => CreateHandler().Handle(Command("ann@shop.io", "wrong password"), CancellationToken.None).AsTask());

        _ann.LastLoginAt.ShouldBeNull();
        await _users.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default);
        await _refreshTokens.DidNotReceiveWithAnyArgs().StartSessionAsync(default!, default, default, default);
    }

    [Fact]
    public async Task Handle_InactiveAccountWithRightPassword_ThrowsInvalidCredentials()
    {
        _ann.Deactivate();

        await Should.ThrowAsync<InvalidCredentialsException>(
            () => CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Handle_InactiveAccount_StillVerifiesThePasswordSoTimingMatches()
    {
        _ann.Deactivate();

        await Should.ThrowAsync<InvalidCredentialsException>(
            () => CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None).AsTask());

        await _passwordHasher.Received(1).VerifyAsync(StoredHash, Password, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_InactiveAccount_NeitherUpdatesTheUserNorStartsASession()
    {
        _ann.Deactivate();

        await Should.ThrowAsync<InvalidCredentialsException>(
            () => CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None).AsTask());

        _ann.LastLoginAt.ShouldBeNull();
        await _users.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default);
        await _refreshTokens.DidNotReceiveWithAnyArgs().StartSessionAsync(default!, default, default, default);
    }

    [Fact]
    public async Task Handle_InactiveAccountWhoseHashNeedsRehash_StoresNoNewHash()
    {
        _ann.Deactivate();
        _passwordHasher.VerifyAsync(StoredHash, Password, Arg.Any<CancellationToken>()).Returns(PasswordCheck.SucceededRehashNeeded);

        await Should.ThrowAsync<InvalidCredentialsException>(
            () => CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None).AsTask());

        await _passwordHasher.DidNotReceiveWithAnyArgs().HashAsync(default!, default);
        _ann.PasswordHash.ShouldBe(StoredHash);
    }

    [Fact]
    public async Task Handle_RightPassword_RecordsTheLoginAndSavesTheUser()
    {
        _clock.Advance(TimeSpan.FromHours(1));

        await CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None);

        await _users.Received(1).UpdateAsync(
            Arg.Is<User>(u => u.Id == _ann.Id && u.LastLoginAt == TestClock.Start.AddHours(1)),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_RightPassword_StartsASessionForTheUserAndTheClient()
    {
        var command = new LoginCommand("ann@shop.io", Password, new ClientInfo("curl/8.5", "203.0.113.7"));

        await CreateHandler().Handle(command, CancellationToken.None);

        await _refreshTokens.Received(1).StartSessionAsync(
            Arg.Is<AuthSession>(s => s.UserId == _ann.Id && s.UserAgent == "curl/8.5" && s.IpAddress == "203.0.113.7"),
            Arg.Any<DateTimeOffset>(),
            Arg.Any<Guid>(),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_RightPassword_ReturnsTheTokenPairAndTheUser()
    {
        var outcome = await CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None);

        outcome.MfaRequired.ShouldBeNull();
        var result = outcome.Session.ShouldNotBeNull();
        result.SessionId.ShouldNotBe(Guid.Empty);
        result.ShouldBe(new AuthResult(
            new UserDto(_ann.Id, "ann@shop.io", Joined), "access-token", "refresh-token", "Bearer", 3600)
        {
            SessionId = result.SessionId,
        });
    }

    [Fact]
    public async Task Handle_RightPasswordAndCurrentHash_KeepsTheStoredHash()
    {
        await CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None);

        await _passwordHasher.DidNotReceiveWithAnyArgs().HashAsync(default!, default);
        _ann.PasswordHash.ShouldBe(StoredHash);
    }

    [Fact]
    public async Task Handle_RightPasswordAndHashNeedsRehash_SavesTheNewHash()
    {
        _passwordHasher.VerifyAsync(StoredHash, Password, Arg.Any<CancellationToken>()).Returns(PasswordCheck.SucceededRehashNeeded);
        _passwordHasher.HashAsync(Password, Arg.Any<CancellationToken>()).Returns("stronger-hash");

        await CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None);

        await _users.Received(1).UpdateAsync(
            Arg.Is<User>(u => u.Id == _ann.Id && u.PasswordHash == "stronger-hash"),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_Success_CountsASucceededLogin()
    {
        await CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None);

        _metrics.Received(1).LoginAttempted(LoginOutcome.Succeeded);
        _metrics.DidNotReceive().LoginAttempted(LoginOutcome.Failed);
    }

    [Theory]
    [InlineData("bob@shop.io", Password)]
    [InlineData("ann@shop.io", "wrong password")]
    public async Task Handle_InvalidCredentials_CountsAFailedLogin(string email, string password)
    {
        await Should.ThrowAsync<InvalidCredentialsException>(
            () => CreateHandler().Handle(Command(email, password), CancellationToken.None).AsTask());

        _metrics.Received(1).LoginAttempted(LoginOutcome.Failed);
        _metrics.DidNotReceive().LoginAttempted(LoginOutcome.Succeeded);
    }

    [Fact]
    public async Task Handle_LockedEmail_CountsALockedOutLogin()
    {
        _throttle.CountAttemptAsync("ann@shop.io", Arg.Any<CancellationToken>()).Returns(TimeSpan.FromMinutes(7));

        await Should.ThrowAsync<RateLimitedException>(
            () => CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None).AsTask());

        _metrics.Received(1).LoginAttempted(LoginOutcome.LockedOut);
    }

    private static LoginCommand Command(string email, string password) => new(email, password, ClientInfo.Unknown);

    [Fact]
    public async Task Handle_LockedEmail_ThrowsRateLimitedWithoutLookingAtThePassword()
    {
        _throttle.CountAttemptAsync("ann@shop.io", Arg.Any<CancellationToken>()).Returns(TimeSpan.FromMinutes(7));

        var error = await Should.ThrowAsync<RateLimitedException>(
            () => CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None).AsTask());

        error.RetryAfter.ShouldBe(TimeSpan.FromMinutes(7));
        await _passwordHasher.DidNotReceiveWithAnyArgs().VerifyAsync(default!, default!, default);
        await _users.DidNotReceiveWithAnyArgs().FindByEmailAsync(default!, default);
    }

    [Theory]
    [InlineData("bob@shop.io", Password)]
    [InlineData("ann@shop.io", "wrong password")]
    [InlineData("ann@shop.io", Password)]
    public async Task Handle_EveryAttempt_IsCountedAgainstTheNormalisedEmailBeforeAnyPasswordIsChecked(string email, string password)
    {
        _passwordHasher.ClearReceivedCalls();
        _passwordHasher.When(h => h.VerifyAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>())).Do(_ =>
            _throttle.ReceivedCalls().ShouldNotBeEmpty("the attempt is counted before the hash"));
        _passwordHasher.When(h => h.VerifyAgainstDummyHashAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())).Do(_ =>
            _throttle.ReceivedCalls().ShouldNotBeEmpty("the attempt is counted before the hash"));

        try
        {
            await CreateHandler().Handle(Command($" {email.ToUpperInvariant()}", password), CancellationToken.None);
        }
        catch (InvalidCredentialsException)
        {
        }

        await _throttle.Received(1).CountAttemptAsync(email, Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("bob@shop.io", Password)]
    [InlineData("ann@shop.io", "wrong password")]
    public async Task Handle_FailedLogin_LeavesTheCountAsItIs(string email, string password)
    {
        await Should.ThrowAsync<InvalidCredentialsException>(
            () => CreateHandler().Handle(Command(email, password), CancellationToken.None).AsTask());

        await _throttle.DidNotReceiveWithAnyArgs().ResetAsync(default!, default);
    }

    [Fact]
    public async Task Handle_InactiveAccountWithRightPassword_LeavesTheCountAsItIs()
    {
        _ann.Deactivate();

        await Should.ThrowAsync<InvalidCredentialsException>(
            () => CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None).AsTask());

        await _throttle.DidNotReceiveWithAnyArgs().ResetAsync(default!, default);
    }

    [Fact]
    public async Task Handle_Success_ResetsTheCount()
    {
        await CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None);

        await _throttle.Received(1).ResetAsync("ann@shop.io", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_AccountWithSecondFactor_AnswersMfaRequiredWithoutASession()
    {
        _ann.EnableMfa();
        _mfaChallenges.CreateAsync(default, default!, default, default, default).ReturnsForAnyArgs("mfa-token");

        var outcome = await CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None);

        outcome.Session.ShouldBeNull();
        outcome.MfaRequired.ShouldBe(new MfaRequiredResult(MfaRequired: true, "mfa-token", 300) { UserId = _ann.Id });
        _metrics.Received(1).LoginAttempted(LoginOutcome.SecondFactorRequired);
        _metrics.DidNotReceive().LoginAttempted(LoginOutcome.Succeeded);
        await _refreshTokens.DidNotReceiveWithAnyArgs().StartSessionAsync(default!, default, default, default);
        _tokenIssuer.DidNotReceiveWithAnyArgs().IssueAccessToken(default, default);
    }

    [Fact]
    public async Task Handle_AccountWithSecondFactor_ChallengeLivesFiveMinutesAndNamesThePasswordHash()
    {
        _ann.EnableMfa();
        _clock.Advance(TimeSpan.FromHours(1));

        await CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None);

        var now = TestClock.Start.AddHours(1);
        await _mfaChallenges.Received(1).CreateAsync(
            _ann.Id, _ann.PasswordStamp, now, now.AddMinutes(5), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_AccountWithSecondFactor_ThePasswordAloneNeitherClearsTheLockoutCountNorRecordsALogin()
    {
        _ann.EnableMfa();

        await CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None);

        await _throttle.DidNotReceiveWithAnyArgs().ResetAsync(default!, default);
        _ann.LastLoginAt.ShouldBeNull();
    }

    [Fact]
    public async Task Handle_AccountWithSecondFactorAndWrongPassword_IsInvalidCredentialsWithNoChallenge()
    {
        _ann.EnableMfa();

        await Should.ThrowAsync<InvalidCredentialsException>(
            () => CreateHandler().Handle(Command("ann@shop.io", "wrong password"), CancellationToken.None).AsTask());

        await _mfaChallenges.DidNotReceiveWithAnyArgs().CreateAsync(default, default!, default, default, default);
    }

    [Fact]
    public async Task Handle_AccountWithSecondFactorWhoseHashNeedsRehash_ChallengeNamesTheNewHash()
    {
        _ann.EnableMfa();
        _passwordHasher.VerifyAsync(StoredHash, Password, Arg.Any<CancellationToken>()).Returns(PasswordCheck.SucceededRehashNeeded);
        _passwordHasher.HashAsync(Password, Arg.Any<CancellationToken>()).Returns("stronger-hash");

        await CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None);

        await _users.Received(1).UpdateAsync(Arg.Is<User>(u => u.PasswordHash == "stronger-hash"), Arg.Any<CancellationToken>());
        await _mfaChallenges.Received(1).CreateAsync(
            _ann.Id, _ann.PasswordStamp, Arg.Any<DateTimeOffset>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_AccountWithSecondFactorAndUnverifiedEmail_WhenVerifiedEmailIsRequired_ThrowsEmailNotVerifiedWithNoChallenge()
    {
        _accounts.RequireVerifiedEmail = true;
        _ann.EnableMfa();

        await Should.ThrowAsync<EmailNotVerifiedException>(
            () => CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None).AsTask());

        await _mfaChallenges.DidNotReceiveWithAnyArgs().CreateAsync(default, default!, default, default, default);
    }

    [Fact]
    public async Task Handle_UnverifiedEmail_WhenVerifiedEmailIsRequired_ThrowsEmailNotVerified()
    {
        _accounts.RequireVerifiedEmail = true;

        await Should.ThrowAsync<EmailNotVerifiedException>(
            () => CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None).AsTask());

        await _refreshTokens.DidNotReceiveWithAnyArgs().StartSessionAsync(default!, default, default, default);
    }

    [Fact]
    public async Task Handle_UnverifiedEmailAndWrongPassword_WhenVerifiedEmailIsRequired_ThrowsInvalidCredentials()
    {
        _accounts.RequireVerifiedEmail = true;

        await Should.ThrowAsync<InvalidCredentialsException>(
            () => CreateHandler().Handle(Command("ann@shop.io", "wrong password"), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Handle_VerifiedEmail_WhenVerifiedEmailIsRequired_LogsIn()
    {
        _accounts.RequireVerifiedEmail = true;
        _ann.MarkEmailVerified(Joined);

        var result = await CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None);

        result.Session.ShouldNotBeNull().Access.ShouldBe("access-token");
    }

    [Fact]
    public async Task Handle_UnverifiedEmail_WhenVerifiedEmailIsNotRequired_LogsIn()
    {
        var result = await CreateHandler().Handle(Command("ann@shop.io", Password), CancellationToken.None);

        result.Session.ShouldNotBeNull().Access.ShouldBe("access-token");
    }

    private LoginCommandHandler CreateHandler() =>
        new(_users, _passwordHasher, _throttle, _mfaChallenges, CreateSessionStarter(), _clock, Options.Create(_accounts), _metrics);

    private SessionStarter CreateSessionStarter() =>
        new(_refreshTokens, _tokenIssuer, TestMapper.Instance, _clock, Options.Create(new SessionOptions()));
}
