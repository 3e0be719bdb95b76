using Mediator;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Auth.Validation;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Auth.Commands.Register;

public sealed class RegisterCommandHandler(
    IUserRepository users,
    IPasswordHasher passwordHasher,
    SessionStarter sessionStarter,
    ITransactionScope transaction,
    TimeProvider timeProvider,
    IShopMetrics metrics) : ICommandHandler<RegisterCommand, AuthResult>
{
    public async ValueTask<AuthResult> Handle(RegisterCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var user = User.Register(command.Email, await passwordHasher.HashAsync(command.Password, cancellationToken), now);
        user.RecordLogin(now);

        // One transaction: an account is never left without the session its sign-up promised.
        var result = await transaction.RunAsync(
            async ct =>
            {
                // The validator already checked uniqueness; this catches the sign-up that raced it.
                if (!await users.TryAddAsync(user, ct))
                {
                    throw new ValidationFailedException("email", AccountRules.EmailAlreadyExists);
                }

                return await sessionStarter.StartAsync(user, command.Client, ct);
            },
            cancellationToken);
        metrics.SignedUp();
        return result;
    }
}
