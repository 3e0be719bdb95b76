using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Auth.Commands.ChangePassword;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Options;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Auth.Commands.ChangePassword;

public sealed class ChangePasswordCommandHandlerTests
{
    private const string CurrentPassword = "correct horse battery";
    private const string NewPassword = "staple gun lighthouse";
    private const string StoredHash = "stored-hash";
    private const string NewHash = "hash-of-the-new-password";

    private static readonly DateTimeOffset Joined = TestClock.Start.AddDays(-10);
    private static readonly Guid CallerSessionId = Guid.Parse("0193a5c2-0000-7000-8000-0000000000a1");

    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IShopMetrics _metrics = Substitute.For<IShopMetrics>();
    private readonly ISessionStore _sessions = Substitute.For<ISessionStore>();
    private ISessionStore _refreshTokens => _sessions;
    private readonly IEmailTokenStore _emailTokens = Substitute.For<IEmailTokenStore>();
    private readonly IPasswordHasher _passwordHasher = Substitute.For<IPasswordHasher>();
    private readonly ILoginThrottle _throttle = Substitute.For<ILoginThrottle>();
    private readonly RecordingLogger<ChangePasswordCommandHandler> _logger = new();
    private readonly ITokenIssuer _tokenIssuer = Substitute.For<ITokenIssuer>();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly InlineTransactionScope _transaction = new();
    private readonly SessionOptions _options = new() { RefreshTokenLifetime = TimeSpan.FromHours(6) };
    private readonly User _ann = User.Register("ann@shop.io", StoredHash, Joined);

    public ChangePasswordCommandHandlerTests()
    {
        _users.FindByIdAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(_ann);
        _passwordHasher.VerifyAsync(StoredHash, CurrentPassword, Arg.Any<CancellationToken>()).Returns(PasswordCheck.Succeeded);
        _passwordHasher.VerifyAsync(StoredHash, Arg.Is<string>(p => p != CurrentPassword), Arg.Any<CancellationToken>()).Returns(PasswordCheck.Failed);
        _passwordHasher.HashAsync(NewPassword, Arg.Any<CancellationToken>()).Returns(NewHash);
        _refreshTokens
            .ReplaceRefreshTokenAsync(CallerSessionId, Arg.Any<DateTimeOffset>(), Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>())
            .Returns("new-refresh-token");
        _sessions
            .RevokeAllAsync(Arg.Any<Guid>(), Arg.Any<Guid?>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(2);
        _tokenIssuer.IssueAccessToken(Arg.Any<Guid>(), Arg.Any<Guid>()).Returns(new IssuedAccessToken("new-access-token", 900));
    }

    [Fact]
    public async Task Handle_UnknownUser_ThrowsTokenNotValid()
    {
        var command = new ChangePasswordCommand(Guid.NewGuid(), CallerSessionId, CurrentPassword, NewPassword);

        await Should.ThrowAsync<TokenNotValidException>(() => CreateHandler().Handle(command, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Handle_InactiveUser_ThrowsTokenNotValid()
    {
        _ann.Deactivate();

        await Should.ThrowAsync<TokenNotValidException>(() => CreateHandler().Handle(Command(), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Handle_InactiveUser_ChangesNothing()
    {
        _ann.Deactivate();

        await Should.ThrowAsync<TokenNotValidException>(() => CreateHandler().Handle(Command(), CancellationToken.None).AsTask());

        _ann.PasswordHash.ShouldBe(StoredHash);
        await _users.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default);
        await _refreshTokens.DidNotReceiveWithAnyArgs().ReplaceRefreshTokenAsync(default, default, default, default);
        await _sessions.DidNotReceiveWithAnyArgs().RevokeAllAsync(default, default, default, default);
    }

    [Fact]
    public async Task Handle_WrongCurrentPassword_ThrowsValidationFailedOnCurrentPassword()
    {
        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(Command(currentPassword: "wrong password"), CancellationToken.None).AsTask());

        exception.Errors.Keys.ShouldBe(["currentPassword"]);
        exception.Errors["currentPassword"].ShouldBe(["Current password is not correct."]);
    }

    [Fact]
    public async Task Handle_WrongCurrentPassword_StoresNoNewHash()
    {
        await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(Command(currentPassword: "wrong password"), CancellationToken.None).AsTask());

        await _passwordHasher.DidNotReceiveWithAnyArgs().HashAsync(default!, default);
        _ann.PasswordHash.ShouldBe(StoredHash);
        await _users.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default);
    }

    [Fact]
    public async Task Handle_WrongCurrentPassword_NeitherReplacesTheRefreshTokenNorRevokesSessions()
    {
        await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(Command(currentPassword: "wrong password"), CancellationToken.None).AsTask());

        await _refreshTokens.DidNotReceiveWithAnyArgs().ReplaceRefreshTokenAsync(default, default, default, default);
        await _sessions.DidNotReceiveWithAnyArgs().RevokeAllAsync(default, default, default, default);
        _tokenIssuer.DidNotReceiveWithAnyArgs().IssueAccessToken(default, default);
    }

    [Fact]
    public async Task Handle_WrongCurrentPassword_IsCountedAgainstTheAccountsEmailBeforeTheHash()
    {
        _passwordHasher.VerifyAsync(StoredHash, "wrong password", Arg.Any<CancellationToken>()).Returns(_ =>
        {
            _throttle.ReceivedCalls().ShouldNotBeEmpty("the attempt is counted before the password is checked");
            return PasswordCheck.Failed;
        });

        await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(Command(currentPassword: "wrong password"), CancellationToken.None).AsTask());

        await _throttle.Received(1).CountAttemptAsync("ann@shop.io", Arg.Any<CancellationToken>());
        await _throttle.DidNotReceiveWithAnyArgs().ResetAsync(default!, default);
    }

    [Fact]
    public async Task Handle_WrongCurrentPassword_IsAuditedWithTheUser()
    {
        await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(Command(currentPassword: "wrong password"), CancellationToken.None).AsTask());

        var entry = _logger.Entries.ShouldHaveSingleItem();
        entry.EventId.Id.ShouldBe(3041);
        entry.Level.ShouldBe(Microsoft.Extensions.Logging.LogLevel.Warning);
        entry.Message.ShouldContain(_ann.Id.ToString());
    }

    [Fact]
    public async Task Handle_LockedEmail_Throws429WithoutCheckingThePasswordAndAudits()
    {
        _throttle.CountAttemptAsync("ann@shop.io", Arg.Any<CancellationToken>()).Returns(TimeSpan.FromMinutes(4));

        var error = await Should.ThrowAsync<RateLimitedException>(() => CreateHandler().Handle(Command(), CancellationToken.None).AsTask());

        error.RetryAfter.ShouldBe(TimeSpan.FromMinutes(4));
        await _passwordHasher.DidNotReceiveWithAnyArgs().VerifyAsync(default!, default!, default);
        await _users.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default);
        _logger.Entries.ShouldHaveSingleItem().EventId.Id.ShouldBe(3042);
    }

    [Fact]
    public async Task Handle_RightCurrentPassword_ResetsTheCount()
    {
        await CreateHandler().Handle(Command(), CancellationToken.None);

        await _throttle.Received(1).ResetAsync("ann@shop.io", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_CallersSessionNoLongerLive_ThrowsTokenNotValid()
    {
        SessionIsNoLongerLive();

        await Should.ThrowAsync<TokenNotValidException>(() => CreateHandler().Handle(Command(), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Handle_CallersSessionNoLongerLive_LeavesThePasswordUnchanged()
    {
        SessionIsNoLongerLive();

        await Should.ThrowAsync<TokenNotValidException>(() => CreateHandler().Handle(Command(), CancellationToken.None).AsTask());

        _ann.PasswordHash.ShouldBe(StoredHash);
        await _users.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default);
    }

    [Fact]
    public async Task Handle_CallersSessionNoLongerLive_RevokesNoSessionAndIssuesNoAccessToken()
    {
        SessionIsNoLongerLive();

        await Should.ThrowAsync<TokenNotValidException>(() => CreateHandler().Handle(Command(), CancellationToken.None).AsTask());

        await _sessions.DidNotReceiveWithAnyArgs().RevokeAllAsync(default, default, default, default);
        _tokenIssuer.DidNotReceiveWithAnyArgs().IssueAccessToken(default, default);
    }

    [Fact]
    public async Task Handle_RightCurrentPassword_SavesTheHashOfTheNewPassword()
    {
        await CreateHandler().Handle(Command(), CancellationToken.None);

        await _passwordHasher.Received(1).HashAsync(NewPassword, Arg.Any<CancellationToken>());
        await _users.Received(1).UpdateAsync(
            Arg.Is<User>(u => u.Id == _ann.Id && u.PasswordHash == NewHash), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_RightCurrentPasswordWhoseHashNeedsRehash_SavesTheHashOfTheNewPassword()
    {
        _passwordHasher.VerifyAsync(StoredHash, CurrentPassword, Arg.Any<CancellationToken>()).Returns(PasswordCheck.SucceededRehashNeeded);

        await CreateHandler().Handle(Command(), CancellationToken.None);

        await _users.Received(1).UpdateAsync(
            Arg.Is<User>(u => u.Id == _ann.Id && u.PasswordHash == NewHash), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_RightCurrentPassword_ReplacesTheCallersRefreshTokenAtTheClocksNowWithTheConfiguredLifetime()
    {
        _clock.Advance(TimeSpan.FromMinutes(5));

        await CreateHandler().Handle(Command(), CancellationToken.None);

        await _refreshTokens.Received(1).ReplaceRefreshTokenAsync(
            CallerSessionId, TestClock.Start.AddMinutes(5), TimeSpan.FromHours(6), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_RightCurrentPassword_RevokesEveryOtherSessionOfTheUserAtTheClocksNow()
    {
        _clock.Advance(TimeSpan.FromMinutes(5));

        await CreateHandler().Handle(Command(), CancellationToken.None);

        await _sessions.Received(1).RevokeAllAsync(
            _ann.Id, CallerSessionId, TestClock.Start.AddMinutes(5), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_RightCurrentPassword_IssuesTheAccessTokenForTheUserAndTheCallersSession()
    {
        await CreateHandler().Handle(Command(), CancellationToken.None);

        _tokenIssuer.Received(1).IssueAccessToken(_ann.Id, CallerSessionId);
    }

    [Fact]
    public async Task Handle_RightCurrentPassword_ReturnsTheNewRefreshTokenAndTheNewAccessToken()
    {
        var result = await CreateHandler().Handle(Command(), CancellationToken.None);

        result.ShouldBe(new TokenPair("new-access-token", "new-refresh-token", "Bearer", 900));
    }

    [Fact]
    public async Task Handle_VoidsTheUsersResetLinks_InsideTheTransaction()
    {
        await CreateHandler().Handle(Command(), CancellationToken.None);

        await _emailTokens.Received(1).VoidAsync(_ann.Id, EmailTokenPurpose.ResetPassword, TestClock.Start, Arg.Any<CancellationToken>());
        _transaction.Commits.ShouldBe(1);
    }

    [Fact]
    public async Task Handle_WrongCurrentPassword_VoidsNoResetLink()
    {
        await Should.ThrowAsync<ValidationFailedException>(() => CreateHandler().Handle(Command("wrong"), CancellationToken.None).AsTask());

        await _emailTokens.DidNotReceiveWithAnyArgs().VoidAsync(default, default, default, default);
    }

    private ChangePasswordCommand Command(string currentPassword = CurrentPassword) =>
        new(_ann.Id, CallerSessionId, currentPassword, NewPassword);

    private void SessionIsNoLongerLive() =>
        _refreshTokens
            .ReplaceRefreshTokenAsync(Arg.Any<Guid>(), Arg.Any<DateTimeOffset>(), Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>())
            .Returns((string?)null);

    private ChangePasswordCommandHandler CreateHandler() =>
        new(_users, _sessions, _emailTokens, _passwordHasher, _throttle, _tokenIssuer, _transaction, _clock, Options.Create(_options), _metrics, _logger);
}
