using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Email.Commands.ResetPassword;
using ShopEase.Application.Email.Models;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Email.Commands;

public sealed class ResetPasswordCommandHandlerTests
{
    private const string Token = "reset-token";
    private const string NewPassword = "a brand new passphrase";

    private readonly IEmailTokenStore _tokens = Substitute.For<IEmailTokenStore>();
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly ISessionStore _sessions = Substitute.For<ISessionStore>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly IShopMetrics _metrics = Substitute.For<IShopMetrics>();
    private readonly InlineTransactionScope _transaction = new();
    private readonly User _ann = User.Register("ann@shop.io", "old-hash", TestClock.Start.AddDays(-3));

    public ResetPasswordCommandHandlerTests()
    {
        var claim = new EmailTokenClaim(_ann.Id, EmailTokenPurpose.ResetPassword, "ann@shop.io");
        _tokens.FindLiveAsync(Token, Arg.Any<IReadOnlyCollection<EmailTokenPurpose>>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(claim);
        _tokens.SpendAsync(Token, Arg.Any<IReadOnlyCollection<EmailTokenPurpose>>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(claim);
        _users.FindByIdAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(_ann);
        _hasher.HashAsync(NewPassword, Arg.Any<CancellationToken>()).Returns("new-hash");
        _sessions.RevokeAllAsync(default, default, default, default).ReturnsForAnyArgs(3);
    }

    [Fact]
    public async Task Handle_SetsTheNewHash_RevokesEverySession_AndVoidsTheOtherResetLinks()
    {
        var done = await CreateHandler().Handle(new ResetPasswordCommand(Token, NewPassword), CancellationToken.None);

        done.ShouldBe(new PasswordResetDone(_ann.Id, RevokedSessions: 3));
        _ann.PasswordHash.ShouldBe("new-hash");
        await _users.Received(1).UpdateAsync(_ann, Arg.Any<CancellationToken>());
        await _sessions.Received(1).RevokeAllAsync(_ann.Id, null, TestClock.Start, Arg.Any<CancellationToken>());
        await _tokens.Received(1).VoidAsync(_ann.Id, EmailTokenPurpose.ResetPassword, TestClock.Start, Arg.Any<CancellationToken>());
        _transaction.Commits.ShouldBe(1);
    }

    [Fact]
    public async Task Handle_OnlyAcceptsResetTokens()
    {
        await CreateHandler().Handle(new ResetPasswordCommand(Token, NewPassword), CancellationToken.None);

        await _tokens.Received(1).SpendAsync(
            Token, Arg.Is<IReadOnlyCollection<EmailTokenPurpose>>(p => p.SequenceEqual(new[] { EmailTokenPurpose.ResetPassword })),
            TestClock.Start, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_MarksTheAddressVerified()
    {
        await CreateHandler().Handle(new ResetPasswordCommand(Token, NewPassword), CancellationToken.None);

        _ann.EmailVerifiedAt.ShouldBe(TestClock.Start);
    }

    [Fact]
    public async Task Handle_UnknownToken_ThrowsTokenNotValid_WithoutHashingAPassword()
    {
        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler().Handle(new ResetPasswordCommand("made-up", NewPassword), CancellationToken.None).AsTask());

        await _hasher.DidNotReceiveWithAnyArgs().HashAsync(default!, default);
    }

    [Fact]
    public async Task Handle_TokenSpentByAConcurrentReset_ThrowsTokenNotValid_AndChangesNothing()
    {
        _tokens.SpendAsync(Token, Arg.Any<IReadOnlyCollection<EmailTokenPurpose>>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns((EmailTokenClaim?)null);

        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler().Handle(new ResetPasswordCommand(Token, NewPassword), CancellationToken.None).AsTask());

        _ann.PasswordHash.ShouldBe("old-hash");
        await _sessions.DidNotReceiveWithAnyArgs().RevokeAllAsync(default, default, default, default);
        _transaction.Commits.ShouldBe(0);
    }

    [Fact]
    public async Task Handle_InactiveAccount_ThrowsTokenNotValid()
    {
        _ann.Deactivate();

        await Should.ThrowAsync<TokenNotValidException>(
            () => CreateHandler().Handle(new ResetPasswordCommand(Token, NewPassword), CancellationToken.None).AsTask());

        _transaction.Commits.ShouldBe(0);
    }

    [Fact]
    public async Task Handle_CountsTheRevokedSessions()
    {
        await CreateHandler().Handle(new ResetPasswordCommand(Token, NewPassword), CancellationToken.None);

        _metrics.Received(1).SessionsRevoked(SessionRevocationReason.PasswordReset, 3);
    }

    private ResetPasswordCommandHandler CreateHandler() => new(_tokens, _users, _sessions, _hasher, _transaction, TestClock.Create(), _metrics);
}
