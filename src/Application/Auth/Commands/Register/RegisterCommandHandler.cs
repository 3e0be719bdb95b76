using AutoMapper;
using Mediator;
using Microsoft.Extensions.Options;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Auth.Validation;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Options;
using ShopEase.Application.Email;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Auth.Commands.Register;

public sealed class RegisterCommandHandler(
    IUserRepository users,
    IPasswordHasher passwordHasher,
    SessionStarter sessionStarter,
    AccountMailer mailer,
    ITransactionScope transaction,
    IMapper mapper,
    TimeProvider timeProvider,
    IOptions<AccountOptions> accounts,
    IShopMetrics metrics) : ICommandHandler<RegisterCommand, SignUpResult>
{
    public async ValueTask<SignUpResult> Handle(RegisterCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var user = User.Register(command.Email, await passwordHasher.HashAsync(command.Password, cancellationToken), now);
        var logsIn = !accounts.Value.RequireVerifiedEmail;
        if (logsIn)
        {
            user.RecordLogin(now);
        }

        // One transaction: an account is never left without the session its sign-up promised, nor
        // without the verification mail that proves its address.
        var result = await transaction.RunAsync(
            async ct =>
            {
                // The validator already checked uniqueness; this catches the sign-up that raced it.
                if (!await users.TryAddAsync(user, ct))
                {
                    throw new ValidationFailedException("email", AccountRules.EmailAlreadyExists);
                }

                await mailer.QueueVerificationAsync(user, ct);
                if (!logsIn)
                {
                    return new SignUpResult(mapper.Map<UserDto>(user), Session: null);
                }

                var session = await sessionStarter.StartAsync(user, command.Client, ct);
                return new SignUpResult(session.User, session);
            },
            cancellationToken);
        metrics.SignedUp();
        return result;
    }
}
