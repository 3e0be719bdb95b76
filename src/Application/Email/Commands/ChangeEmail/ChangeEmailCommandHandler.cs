using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Application.Email.Commands.ChangeEmail;

public sealed class ChangeEmailCommandHandler(
    IAccountRateLimiter limiter,
    IUserRepository users,
    IPasswordHasher passwordHasher,
    AccountMailer mailer,
    ITransactionScope transaction) : ICommandHandler<ChangeEmailCommand>
{
    public const string LimitAction = "change-email";

    public async ValueTask<Unit> Handle(ChangeEmailCommand command, CancellationToken cancellationToken)
    {
        // Counted before the password is checked: a stolen access token buys few guesses here, and the
        // new address, which anyone can choose, few mails.
        if (await limiter.TryAcquireAsync(LimitAction, command.UserId.ToString(), cancellationToken) is { } wait)
        {
            throw new RateLimitedException(wait);
        }

        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            throw new TokenNotValidException();
        }

        if (await passwordHasher.VerifyAsync(user.PasswordHash, command.Password, cancellationToken) == PasswordCheck.Failed)
        {
            throw new ValidationFailedException("password", "Password is not correct.");
        }

        await transaction.RunAsync(
            async ct =>
            {
                await mailer.QueueEmailChangeAsync(user, command.NewEmail, ct);
                return Unit.Value;
            },
            cancellationToken);
        return Unit.Value;
    }
}
