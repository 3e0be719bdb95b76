using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Email.Commands.ForgotPassword;

/// <summary>
/// Does the same two writes for every email, with or without an account: it counts the request and files
/// it. The background sender looks the account up later and mails a real, active one. So neither the
/// answer nor its time says whether the email has an account.
/// </summary>
public sealed class ForgotPasswordCommandHandler(
    IAccountRateLimiter limiter,
    IPasswordResetRequests requests,
    TimeProvider timeProvider) : ICommandHandler<ForgotPasswordCommand, ForgotPasswordOutcome>
{
    public const string LimitAction = "forgot-password";

    public async ValueTask<ForgotPasswordOutcome> Handle(ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(command.Email);
        if (await limiter.TryAcquireAsync(LimitAction, email, cancellationToken) is not null)
        {
            return ForgotPasswordOutcome.Dropped;
        }

        await requests.AddAsync(email, timeProvider.GetUtcNow(), cancellationToken);
        return ForgotPasswordOutcome.Queued;
    }
}
