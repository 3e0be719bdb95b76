using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using ShopEase.Application.Auth;
using ShopEase.Application.Auth.Commands.Register;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Options;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Sessions;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Auth.Commands.Register;

public sealed class RegisterCommandHandlerTests
{
    private const string Password = "correct horse battery";
    private const string PasswordHash = "PBKDF2$hash-of-the-password";

    private readonly InlineTransactionScope _transaction = new();
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IShopMetrics _metrics = Substitute.For<IShopMetrics>();
    private readonly IPasswordHasher _passwordHasher = Substitute.For<IPasswordHasher>();
    private readonly ISessionStore _refreshTokens = Substitute.For<ISessionStore>();
    private readonly ITokenIssuer _tokenIssuer = Substitute.For<ITokenIssuer>();
    private readonly IEmailTokenStore _emailTokens = Substitute.For<IEmailTokenStore>();
    private readonly IEmailOutbox _outbox = Substitute.For<IEmailOutbox>();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly AccountOptions _accounts = new();
    private User? _added;
    private AuthSession? _startedSession;

    public RegisterCommandHandlerTests()
    {
        _passwordHasher.HashAsync(Password, Arg.Any<CancellationToken>()).Returns(PasswordHash);
        _users.TryAddAsync(Arg.Do<User>(u => _added = u), Arg.Any<CancellationToken>()).Returns(true);
        _refreshTokens
            .StartSessionAsync(Arg.Do<AuthSession>(s => _startedSession = s), Arg.Any<DateTimeOffset>(), Arg.Any<Guid>(), Arg.Any<CancellationToken>())
            .Returns("refresh-token");
        _tokenIssuer.IssueAccessToken(Arg.Any<Guid>(), Arg.Any<Guid>()).Returns(new IssuedAccessToken("access-token", 3600));
        _emailTokens.IssueAsync(default, default, default!, default, default).ReturnsForAnyArgs("verification-token");
    }

    [Fact]
    public async Task Handle_StoresTheHasherOutput_NeverThePlainPassword()
    {
        await CreateHandler().Handle(Command("ann@shop.io"), CancellationToken.None);

        _added.ShouldNotBeNull();
        _added.PasswordHash.ShouldBe(PasswordHash);
        _added.PasswordHash.ShouldNotContain(Password);
        await _passwordHasher.Received(1).HashAsync(Password, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_StoresTheEmailNormalised()
    {
        await CreateHandler().Handle(Command("  Ann@Shop.IO "), CancellationToken.None);

        _added.ShouldNotBeNull();
        _added.Email.ShouldBe("ann@shop.io");
    }

    [Fact]
    public async Task Handle_AddsAnActiveNonStaffUserWhoJoinedNow()
    {
        _clock.Advance(TimeSpan.FromMinutes(5));

        await CreateHandler().Handle(Command("ann@shop.io"), CancellationToken.None);

        _added.ShouldNotBeNull();
        _added.IsActive.ShouldBeTrue();
        _added.IsStaff.ShouldBeFalse();
        _added.DateJoined.ShouldBe(TestClock.Start.AddMinutes(5));
    }

    [Fact]
    public async Task Handle_RecordsTheSignUpAsTheFirstLogin()
    {
        await CreateHandler().Handle(Command("ann@shop.io"), CancellationToken.None);

        _added.ShouldNotBeNull();
        _added.LastLoginAt.ShouldBe(TestClock.Start);
    }

    [Fact]
    public async Task Handle_StartsASessionForTheNewUserAndTheClient()
    {
        var command = new RegisterCommand("ann@shop.io", Password, new ClientInfo("curl/8.5", "203.0.113.7"));

        await CreateHandler().Handle(command, CancellationToken.None);

        _added.ShouldNotBeNull();
        _startedSession.ShouldNotBeNull();
        _startedSession.UserId.ShouldBe(_added.Id);
        _startedSession.UserAgent.ShouldBe("curl/8.5");
        _startedSession.IpAddress.ShouldBe("203.0.113.7");
    }

    [Fact]
    public async Task Handle_ReturnsTheTokenPairAndTheUser()
    {
        var result = await CreateHandler().Handle(Command("Ann@Shop.io"), CancellationToken.None);

        _added.ShouldNotBeNull();
        result.User.ShouldBe(new UserDto(_added.Id, "ann@shop.io", TestClock.Start));
        result.Session.ShouldBe(new AuthResult(
            new UserDto(_added.Id, "ann@shop.io", TestClock.Start), "access-token", "refresh-token", "Bearer", 3600)
        {
            SessionId = _startedSession!.Id,
        });
    }

    [Fact]
    public async Task Handle_IssuesAVerificationTokenForTheNewAddress_AndQueuesItsMail()
    {
        await CreateHandler().Handle(Command("Ann@Shop.io"), CancellationToken.None);

        await _emailTokens.Received(1).IssueAsync(
            _added!.Id, EmailTokenPurpose.VerifyEmail, "ann@shop.io", TestClock.Start, Arg.Any<CancellationToken>());
        await _outbox.Received(1).EnqueueAsync(
            Arg.Is<EmailMessage>(m => m.To == "ann@shop.io" && m.TextBody.Contains("/verify-email?token=verification-token")),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenVerifiedEmailIsRequired_AnswersTheUserWithoutASession()
    {
        _accounts.RequireVerifiedEmail = true;

        var result = await CreateHandler().Handle(Command("ann@shop.io"), CancellationToken.None);

        result.Session.ShouldBeNull();
        result.User.ShouldBe(new UserDto(_added!.Id, "ann@shop.io", TestClock.Start));
        await _refreshTokens.DidNotReceiveWithAnyArgs().StartSessionAsync(default!, default, default, default);
        _tokenIssuer.DidNotReceiveWithAnyArgs().IssueAccessToken(default, default);
        _added.LastLoginAt.ShouldBeNull();
    }

    [Fact]
    public async Task Handle_WhenVerifiedEmailIsRequired_StillQueuesTheVerificationMail()
    {
        _accounts.RequireVerifiedEmail = true;

        await CreateHandler().Handle(Command("ann@shop.io"), CancellationToken.None);

        await _outbox.ReceivedWithAnyArgs(1).EnqueueAsync(default!, default);
    }

    [Fact]
    public async Task Handle_PassesTheCancellationTokenToTheRepository()
    {
        using var cancellation = new CancellationTokenSource();

        await CreateHandler().Handle(Command("ann@shop.io"), cancellation.Token);

        await _users.Received(1).TryAddAsync(Arg.Any<User>(), cancellation.Token);
    }

    [Fact]
    public async Task Handle_WhenTheEmailWasTakenMeanwhile_ThrowsValidationFailedOnEmail()
    {
        _users.TryAddAsync(Arg.Any<User>(), Arg.Any<CancellationToken>()).Returns(false);

        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(Command("ann@shop.io"), CancellationToken.None).AsTask());

        exception.Errors.Keys.ShouldBe(["email"]);
        exception.Errors["email"].ShouldBe(["Email already exists"]);
    }

    [Fact]
    public async Task Handle_WhenTheEmailWasTakenMeanwhile_CountsNoSignUp()
    {
        _users.TryAddAsync(Arg.Any<User>(), Arg.Any<CancellationToken>()).Returns(false);

        await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(Command("ann@shop.io"), CancellationToken.None).AsTask());

        _metrics.DidNotReceiveWithAnyArgs().SignedUp();
    }

    [Fact]
    public async Task Handle_CountsOneSignUp()
    {
        await CreateHandler().Handle(Command("ann@shop.io"), CancellationToken.None);

        _metrics.Received(1).SignedUp();
    }

    [Fact]
    public async Task Handle_WhenTheEmailWasTakenMeanwhile_StartsNoSession()
    {
        _users.TryAddAsync(Arg.Any<User>(), Arg.Any<CancellationToken>()).Returns(false);

        await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(Command("ann@shop.io"), CancellationToken.None).AsTask());

        await _refreshTokens.DidNotReceiveWithAnyArgs().StartSessionAsync(default!, default, default, default);
        _tokenIssuer.DidNotReceiveWithAnyArgs().IssueAccessToken(default, default);
    }

    [Fact]
    public async Task Handle_WhenTheEmailWasTakenMeanwhile_QueuesNoMail()
    {
        _users.TryAddAsync(Arg.Any<User>(), Arg.Any<CancellationToken>()).Returns(false);

        await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(Command("ann@shop.io"), CancellationToken.None).AsTask());

        await _outbox.DidNotReceiveWithAnyArgs().EnqueueAsync(default!, default);
    }

    private static RegisterCommand Command(string email) => new(email, Password, ClientInfo.Unknown);

    [Fact]
    public async Task Handle_AddsTheUserAndStartsTheSessionInOneCommittedTransaction()
    {
        await CreateHandler().Handle(Command("ann@shop.io"), CancellationToken.None);

        _transaction.Runs.ShouldBe(1);
        _transaction.Commits.ShouldBe(1);
    }

    [Fact]
    public async Task Handle_LostSignUpRace_DoesNotCommit()
    {
        _users.TryAddAsync(Arg.Any<User>(), Arg.Any<CancellationToken>()).Returns(false);

        await Should.ThrowAsync<ValidationFailedException>(() => CreateHandler().Handle(Command("ann@shop.io"), CancellationToken.None).AsTask());

        _transaction.Commits.ShouldBe(0);
    }

    private RegisterCommandHandler CreateHandler() =>
        new(_users, _passwordHasher, CreateSessionStarter(), TestMailer.Create(_emailTokens, _outbox, _clock), _transaction,
            TestMapper.Instance, _clock, Options.Create(_accounts), _metrics);

    private SessionStarter CreateSessionStarter() =>
        new(_refreshTokens, _tokenIssuer, TestMapper.Instance, _clock, Options.Create(new SessionOptions()));
}
