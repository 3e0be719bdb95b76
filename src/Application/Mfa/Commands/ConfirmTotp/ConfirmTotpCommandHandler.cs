using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Mfa.Models;

namespace ShopEase.Application.Mfa.Commands.ConfirmTotp;

/// <summary>
/// A first code proves the app holds the secret: the authenticator is on from now, with a fresh set
/// of recovery codes, all in one transaction. The code's step counts as used, so it cannot log in.
/// </summary>
public sealed class ConfirmTotpCommandHandler(
    IUserRepository users,
    ITotpAuthenticatorRepository authenticators,
    IRecoveryCodeStore recoveryCodes,
    SecondFactor secondFactor,
    ITransactionScope transaction,
    TimeProvider timeProvider) : ICommandHandler<ConfirmTotpCommand, RecoveryCodesResult>
{
    public async ValueTask<RecoveryCodesResult> Handle(ConfirmTotpCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            throw new TokenNotValidException();
        }

        if (user.MfaEnabled)
        {
            throw new ValidationFailedException(MfaRules.StateField, MfaRules.AlreadyEnabled);
        }

        var pending = await authenticators.FindAsync(user.Id, cancellationToken);
        if (pending is not { IsConfirmed: false })
        {
            throw new ValidationFailedException(MfaRules.StateField, MfaRules.NothingToConfirm);
        }

        // Not counted towards the lockout: the caller is signed in and is only proving their own app.
        var step = secondFactor.MatchStep(pending, command.Code) ?? throw new InvalidMfaCodeException(user.Id);
        var codes = RecoveryCodes.Generate();
        var now = timeProvider.GetUtcNow();
        var confirmed = await transaction.RunAsync(
            async ct =>
            {
                // False when a newer set-up replaced this one, or a concurrent confirmation came first.
                if (!await authenticators.TryConfirmAsync(pending.Id, step, now, ct))
                {
                    return false;
                }

                user.EnableMfa();
                await users.UpdateAsync(user, ct);
                await recoveryCodes.ReplaceAsync(user.Id, codes.Select(c => RecoveryCodes.Normalize(c)!).ToList(), now, ct);
                return true;
            },
            cancellationToken);

        return confirmed ? new RecoveryCodesResult(codes) : throw new InvalidMfaCodeException(user.Id);
    }
}
