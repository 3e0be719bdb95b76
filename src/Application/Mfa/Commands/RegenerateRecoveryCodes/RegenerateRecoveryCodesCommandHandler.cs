using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Mfa.Models;

namespace ShopEase.Application.Mfa.Commands.RegenerateRecoveryCodes;

/// <summary>A new set of recovery codes; every code of the old set, used or not, stops working.</summary>
public sealed class RegenerateRecoveryCodesCommandHandler(
    Reauthentication reauthentication,
    IRecoveryCodeStore recoveryCodes,
    ITransactionScope transaction,
    TimeProvider timeProvider) : ICommandHandler<RegenerateRecoveryCodesCommand, RecoveryCodesResult>
{
    public async ValueTask<RecoveryCodesResult> Handle(RegenerateRecoveryCodesCommand command, CancellationToken cancellationToken)
    {
        var (user, _) = await reauthentication.RequirePasswordAndCodeAsync(
            command.UserId, command.Password, command.Code, orRecoveryCode: false, cancellationToken);
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
