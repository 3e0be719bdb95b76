using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Email.Commands.ChangeEmail;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Email.Commands;

public sealed class ChangeEmailCommandHandlerTests
{
    private const string Password = "correct horse battery";

    private readonly IAccountRateLimiter _limiter = Substitute.For<IAccountRateLimiter>();
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly IEmailTokenStore _tokens = Substitute.For<IEmailTokenStore>();
    private readonly IEmailOutbox _outbox = Substitute.For<IEmailOutbox>();
    private readonly InlineTransactionScope _transaction = new();
    private readonly User _ann = User.Register("ann@shop.io", "stored-hash", TestClock.Start.AddDays(-1));

    public ChangeEmailCommandHandlerTests()
    {
        _users.FindByIdAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(_ann);
        _hasher.VerifyAsync("stored-hash", Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(PasswordCheck.Failed);
        _hasher.VerifyAsync("stored-hash", Password, Arg.Any<CancellationToken>()).Returns(PasswordCheck.Succeeded);
        _tokens.IssueAsync(default, default, default!, default, default).ReturnsForAnyArgs("change-token");
    }

    [Fact]
    public async Task Handle_MailsALinkToTheNewAddress_AndANoticeToTheOldOne_InOneTransaction()
    {
        await CreateHandler().Handle(new ChangeEmailCommand(_ann.Id, " New@Shop.io ", Password), CancellationToken.None);

        await _tokens.Received(1).IssueAsync(_ann.Id, EmailTokenPurpose.ChangeEmail, "new@shop.io", TestClock.Start, Arg.Any<CancellationToken>());
        await _outbox.Received(1).EnqueueAsync(
            Arg.Is<EmailMessage>(m => m.To == "new@shop.io" && m.TextBody.Contains("/verify-email?token=change-token")), Arg.Any<CancellationToken>());
        await _outbox.Received(1).EnqueueAsync(
            Arg.Is<EmailMessage>(m => m.To == "ann@shop.io" && m.TextBody.Contains("new@shop.io") && !m.TextBody.Contains("change-token")),
            Arg.Any<CancellationToken>());
        _transaction.Commits.ShouldBe(1);
    }

    [Fact]
    public async Task Handle_ChangesNothingYet()
    {
        await CreateHandler().Handle(new ChangeEmailCommand(_ann.Id, "new@shop.io", Password), CancellationToken.None);

        _ann.Email.ShouldBe("ann@shop.io");
        await _users.DidNotReceiveWithAnyArgs().UpdateAsync(default!, default);
    }

    [Fact]
    public async Task Handle_VoidsTheLinkOfAnEarlierChangeRequest()
    {
        await CreateHandler().Handle(new ChangeEmailCommand(_ann.Id, "new@shop.io", Password), CancellationToken.None);

        await _tokens.Received(1).VoidAsync(_ann.Id, EmailTokenPurpose.ChangeEmail, TestClock.Start, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WrongPassword_ThrowsValidationFailedOnPassword_AndQueuesNothing()
    {
        var exception = await Should.ThrowAsync<ValidationFailedException>(
            () => CreateHandler().Handle(new ChangeEmailCommand(_ann.Id, "new@shop.io", "wrong"), CancellationToken.None).AsTask());

        exception.Errors.Keys.ShouldBe(["password"]);
        await _outbox.DidNotReceiveWithAnyArgs().EnqueueAsync(default!, default);
    }

    [Fact]
    public async Task Handle_OverTheLimit_ThrowsRateLimited_BeforeThePasswordIsChecked()
    {
        _limiter.TryAcquireAsync(ChangeEmailCommandHandler.LimitAction, _ann.Id.ToString(), Arg.Any<CancellationToken>())
            .Returns(TimeSpan.FromMinutes(5));

        await Should.ThrowAsync<RateLimitedException>(
            () => CreateHandler().Handle(new ChangeEmailCommand(_ann.Id, "new@shop.io", Password), CancellationToken.None).AsTask());

        await _hasher.DidNotReceiveWithAnyArgs().VerifyAsync(default!, default!, default);
    }

    private ChangeEmailCommandHandler CreateHandler() =>
        new(_limiter, _users, _hasher, TestMailer.Create(_tokens, _outbox, TestClock.Create()), _transaction);
}
