using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Mfa.Models;

namespace ShopEase.Application.Mfa.Commands.DisableTotp;

/// <summary>Turns the second factor off: the authenticator and every recovery code go. No session is revoked.</summary>
public sealed class DisableTotpCommandHandler(
    IUserRepository users,
    Reauthentication reauthentication,
    ITotpAuthenticatorRepository authenticators,
    IRecoveryCodeStore recoveryCodes,
    ITransactionScope transaction,
    TimeProvider timeProvider) : ICommandHandler<DisableTotpCommand, TotpDisabled>
{
    public async ValueTask<TotpDisabled> Handle(DisableTotpCommand command, CancellationToken cancellationToken)
    {
        var (user, withRecoveryCode) = await reauthentication.RequirePasswordAndCodeAsync(
            command.UserId, command.Password, command.Code, orRecoveryCode: true, cancellationToken);
        await transaction.RunAsync(
            async ct =>
            {
                await authenticators.DeleteAsync(user.Id, ct);
                await recoveryCodes.ReplaceAsync(user.Id, [], timeProvider.GetUtcNow(), ct);
                user.DisableMfa();
                await users.UpdateAsync(user, ct);
                return true;
            },
            cancellationToken);
        await reauthentication.SucceededAsync(user, cancellationToken);
        return new TotpDisabled(withRecoveryCode);
    }
}
