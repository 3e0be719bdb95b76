using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Application.Email.Commands.ResendVerification;

public sealed class ResendVerificationCommandHandler(
    IAccountRateLimiter limiter,
    IUserRepository users,
    AccountMailer mailer,
    ITransactionScope transaction) : ICommandHandler<ResendVerificationCommand>
{
    public const string LimitAction = "resend-verification";

    public async ValueTask<Unit> Handle(ResendVerificationCommand command, CancellationToken cancellationToken)
    {
        if (await limiter.TryAcquireAsync(LimitAction, command.UserId.ToString(), cancellationToken) is { } wait)
        {
            throw new RateLimitedException(wait);
        }

        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            throw new TokenNotValidException();
        }

        if (!user.EmailVerified)
        {
            await transaction.RunAsync(
                async ct =>
                {
                    await mailer.QueueVerificationAsync(user, ct);
                    return Unit.Value;
                },
                cancellationToken);
        }

        return Unit.Value;
    }
}
