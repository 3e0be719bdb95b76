using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Email.Commands.IssuePasswordReset;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Email.Commands;

public sealed class IssuePasswordResetCommandHandlerTests
{
    private static readonly Guid RequestId = Guid.Parse("0193a5c2-0000-7000-8000-0000000000c1");

    private readonly IPasswordResetRequests _requests = Substitute.For<IPasswordResetRequests>();
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IEmailTokenStore _tokens = Substitute.For<IEmailTokenStore>();
    private readonly IEmailOutbox _outbox = Substitute.For<IEmailOutbox>();
    private readonly InlineTransactionScope _transaction = new();
    private readonly User _ann = User.Register("ann@shop.io", "stored-hash", TestClock.Start.AddDays(-3));

    public IssuePasswordResetCommandHandlerTests()
    {
        _requests.CompleteAsync(RequestId, Arg.Any<CancellationToken>()).Returns(true);
        _users.FindByEmailAsync("ann@shop.io", Arg.Any<CancellationToken>()).Returns(_ann);
        _tokens.IssueAsync(default, default, default!, default, default).ReturnsForAnyArgs("reset-token");
    }

    [Fact]
    public async Task Handle_ActiveAccount_VoidsOlderLinks_IssuesAResetToken_AndQueuesItsMail()
    {
        var userId = await CreateHandler().Handle(new IssuePasswordResetCommand(RequestId, "ann@shop.io"), CancellationToken.None);

        userId.ShouldBe(_ann.Id);
        Received.InOrder(() =>
        {
            _tokens.VoidAsync(_ann.Id, EmailTokenPurpose.ResetPassword, TestClock.Start, Arg.Any<CancellationToken>());
            _tokens.IssueAsync(_ann.Id, EmailTokenPurpose.ResetPassword, "ann@shop.io", TestClock.Start, Arg.Any<CancellationToken>());
        });
        await _outbox.Received(1).EnqueueAsync(
            Arg.Is<EmailMessage>(m => m.To == "ann@shop.io" && m.TextBody.Contains($"{TestMailer.LinkBaseUrl}/reset-password?token=reset-token")),
            Arg.Any<CancellationToken>());
        _transaction.Commits.ShouldBe(1);
    }

    [Fact]
    public async Task Handle_UnknownEmail_QueuesNothing_ButCompletesTheRequest()
    {
        var userId = await CreateHandler().Handle(new IssuePasswordResetCommand(RequestId, "ghost@shop.io"), CancellationToken.None);

        userId.ShouldBeNull();
        await _requests.Received(1).CompleteAsync(RequestId, Arg.Any<CancellationToken>());
        await _outbox.DidNotReceiveWithAnyArgs().EnqueueAsync(default!, default);
    }

    [Fact]
    public async Task Handle_InactiveAccount_QueuesNothing()
    {
        _ann.Deactivate();

        var userId = await CreateHandler().Handle(new IssuePasswordResetCommand(RequestId, "ann@shop.io"), CancellationToken.None);

        userId.ShouldBeNull();
        await _tokens.DidNotReceiveWithAnyArgs().IssueAsync(default, default, default!, default, default);
    }

    [Fact]
    public async Task Handle_ARequestAnotherNodeResolved_IsNotResolvedTwice()
    {
        _requests.CompleteAsync(RequestId, Arg.Any<CancellationToken>()).Returns(false);

        var userId = await CreateHandler().Handle(new IssuePasswordResetCommand(RequestId, "ann@shop.io"), CancellationToken.None);

        userId.ShouldBeNull();
        await _users.DidNotReceiveWithAnyArgs().FindByEmailAsync(default!, default);
        await _outbox.DidNotReceiveWithAnyArgs().EnqueueAsync(default!, default);
    }

    private IssuePasswordResetCommandHandler CreateHandler() =>
        new(_requests, _users, TestMailer.Create(_tokens, _outbox, TestClock.Create()), _transaction);
}
