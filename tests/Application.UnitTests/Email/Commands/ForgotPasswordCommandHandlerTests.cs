using NSubstitute;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Email.Commands.ForgotPassword;
using ShopEase.Application.UnitTests.TestSupport;

namespace ShopEase.Application.UnitTests.Email.Commands;

public sealed class ForgotPasswordCommandHandlerTests
{
    private readonly IAccountRateLimiter _limiter = Substitute.For<IAccountRateLimiter>();
    private readonly IPasswordResetRequests _requests = Substitute.For<IPasswordResetRequests>();

    [Fact]
    public async Task Handle_FilesTheRequestUnderTheNormalisedEmail_WithoutLookingForAnAccount()
    {
        var outcome = await CreateHandler().Handle(new ForgotPasswordCommand("  Ann@Shop.IO "), CancellationToken.None);

        outcome.ShouldBe(ForgotPasswordOutcome.Queued);
        await _requests.Received(1).AddAsync("ann@shop.io", TestClock.Start, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_CountsTheRequestAgainstTheEmailsLimit()
    {
        await CreateHandler().Handle(new ForgotPasswordCommand("Ann@Shop.io"), CancellationToken.None);

        await _limiter.Received(1).TryAcquireAsync(ForgotPasswordCommandHandler.LimitAction, "ann@shop.io", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_OverTheLimit_FilesNothing_AndStillThrowsNothing()
    {
        _limiter.TryAcquireAsync(default!, default!, default).ReturnsForAnyArgs(TimeSpan.FromMinutes(20));

        var outcome = await CreateHandler().Handle(new ForgotPasswordCommand("ann@shop.io"), CancellationToken.None);

        outcome.ShouldBe(ForgotPasswordOutcome.Dropped);
        await _requests.DidNotReceiveWithAnyArgs().AddAsync(default!, default, default);
    }

    private ForgotPasswordCommandHandler CreateHandler() => new(_limiter, _requests, TestClock.Create());
}
