using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Email.Commands.ResendVerification;
using ShopEase.Application.UnitTests.TestSupport;
using ShopEase.Domain.Users;

namespace ShopEase.Application.UnitTests.Email.Commands;

public sealed class ResendVerificationCommandHandlerTests
{
    private readonly IAccountRateLimiter _limiter = Substitute.For<IAccountRateLimiter>();
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IEmailTokenStore _tokens = Substitute.For<IEmailTokenStore>();
    private readonly IEmailOutbox _outbox = Substitute.For<IEmailOutbox>();
    private readonly User _ann = User.Register("ann@shop.io", "stored-hash", TestClock.Start.AddDays(-1));

    public ResendVerificationCommandHandlerTests() => _users.FindByIdAsync(_ann.Id, Arg.Any<CancellationToken>()).Returns(_ann);

    [Fact]
    public async Task Handle_UnverifiedAccount_QueuesANewVerificationMail()
    {
        await CreateHandler().Handle(new ResendVerificationCommand(_ann.Id), CancellationToken.None);

        await _tokens.Received(1).IssueAsync(_ann.Id, EmailTokenPurpose.VerifyEmail, "ann@shop.io", TestClock.Start, Arg.Any<CancellationToken>());
        await _outbox.ReceivedWithAnyArgs(1).EnqueueAsync(default!, default);
    }

    [Fact]
    public async Task Handle_VerifiedAccount_QueuesNothing()
    {
        _ann.MarkEmailVerified(TestClock.Start);

        await CreateHandler().Handle(new ResendVerificationCommand(_ann.Id), CancellationToken.None);

        await _outbox.DidNotReceiveWithAnyArgs().EnqueueAsync(default!, default);
    }

    [Fact]
    public async Task Handle_OverTheAccountsLimit_ThrowsRateLimited_AndQueuesNothing()
    {
        _limiter.TryAcquireAsync(ResendVerificationCommandHandler.LimitAction, _ann.Id.ToString(), Arg.Any<CancellationToken>())
            .Returns(TimeSpan.FromMinutes(12));

        var exception = await Should.ThrowAsync<RateLimitedException>(
            () => CreateHandler().Handle(new ResendVerificationCommand(_ann.Id), CancellationToken.None).AsTask());

        exception.RetryAfter.ShouldBe(TimeSpan.FromMinutes(12));
        await _outbox.DidNotReceiveWithAnyArgs().EnqueueAsync(default!, default);
    }

    private ResendVerificationCommandHandler CreateHandler() =>
        new(_limiter, _users, TestMailer.Create(_tokens, _outbox, TestClock.Create()), new InlineTransactionScope());
}
