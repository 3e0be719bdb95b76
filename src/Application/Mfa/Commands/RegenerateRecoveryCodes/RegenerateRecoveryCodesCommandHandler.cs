using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Mfa.Models;

namespace ShopEase.Application.Mfa.Commands.RegenerateRecoveryCodes;

/// <summary>A new set of recovery codes; every code of the old set, used or not, stops working.</summary>
public sealed class RegenerateRecoveryCodesCommandHandler(
    IUserRepository users,
    Reauthentication reauthentication,
    IRecoveryCodeStore recoveryCodes,
    ITransactionScope transaction,
    TimeProvider timeProvider) : ICommandHandler<RegenerateRecoveryCodesCommand, RecoveryCodesResult>
{
    public async ValueTask<RecoveryCodesResult> Handle(RegenerateRecoveryCodesCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            throw new TokenNotValidException();
        }

        if (!user.MfaEnabled)
        {
            throw new ValidationFailedException(MfaRules.StateField, MfaRules.NotEnabled);
        }

        await reauthentication.RequirePasswordAsync(user, command.Password, cancellationToken);
        await reauthentication.RequireCodeAsync(user, command.Code, orRecoveryCode: false, cancellationToken);
        var codes = RecoveryCodes.Generate();
        var now = timeProvider.GetUtcNow();
        await transaction.RunAsync(
            async ct =>
            {
                await recoveryCodes.ReplaceAsync(user.Id, codes.Select(c => RecoveryCodes.Normalize(c)!).ToList(), now, ct);
                return true;
            },
            cancellationToken);
        await reauthentication.SucceededAsync(user, cancellationToken);
        return new RecoveryCodesResult(codes);
    }
}
