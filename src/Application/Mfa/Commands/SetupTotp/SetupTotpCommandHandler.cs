using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Mfa.Models;
using ShopEase.Domain.Mfa;

namespace ShopEase.Application.Mfa.Commands.SetupTotp;

/// <summary>A new secret, stored encrypted and waiting for a first code; nothing is turned on yet.</summary>
public sealed class SetupTotpCommandHandler(
    IUserRepository users,
    Reauthentication reauthentication,
    ITotpAuthenticatorRepository authenticators,
    ITotpSecretProtector protector,
    IQrCodeRenderer qrCodes,
    TimeProvider timeProvider) : ICommandHandler<SetupTotpCommand, TotpSetupResult>
{
    public async ValueTask<TotpSetupResult> Handle(SetupTotpCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            throw new TokenNotValidException();
        }

        // Replacing an authenticator in use would need its code; turning it off first asks for one.
        if (user.MfaEnabled)
        {
            throw new ValidationFailedException(MfaRules.StateField, MfaRules.AlreadyEnabled);
        }

        await reauthentication.RequirePasswordAsync(user, command.Password, cancellationToken);

        var secret = TotpCodes.NewSecret();
        var (encrypted, keyId) = protector.Encrypt(user.Id, secret);
        if (!await authenticators.SavePendingAsync(
            TotpAuthenticator.Begin(user.Id, encrypted, keyId, timeProvider.GetUtcNow()), cancellationToken))
        {
            // A confirmation of an earlier set-up won the race.
            throw new ValidationFailedException(MfaRules.StateField, MfaRules.AlreadyEnabled);
        }

        await reauthentication.SucceededAsync(user, cancellationToken);
        var uri = TotpCodes.OtpauthUri(secret, user.Email);
        return new TotpSetupResult(TotpCodes.ToBase32(secret), uri, qrCodes.RenderSvg(uri));
    }
}
