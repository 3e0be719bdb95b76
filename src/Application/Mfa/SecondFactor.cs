using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Mfa;

namespace ShopEase.Application.Mfa;

/// <summary>
/// Checks a second factor and spends what it accepts: a TOTP code's time step, or a recovery code.
/// Matching reads nothing and spending writes only, so spending can join a transaction.
/// </summary>
public sealed class SecondFactor(
    ITotpAuthenticatorRepository authenticators,
    IRecoveryCodeStore recoveryCodes,
    ITotpSecretProtector protector,
    TimeProvider timeProvider)
{
    /// <returns>The code's time step when it is a current code of the authenticator's secret; <c>null</c> otherwise.</returns>
    public long? MatchStep(TotpAuthenticator authenticator, string code)
    {
        var secret = protector.Decrypt(authenticator.UserId, authenticator.EncryptedSecret, authenticator.KeyId);
        var step = TotpCodes.MatchStep(secret, code, timeProvider.GetUtcNow());

        // A step at or before the last accepted one was used already, or is older than it.
        return step > authenticator.LastUsedStep ? step : null;
    }

    /// <summary>
    /// Spends the step for the confirmed authenticator; of two requests with one code exactly one
    /// gets <c>true</c>. A secret still under an earlier key moves to the current one.
    /// </summary>
    public async Task<bool> TrySpendStepAsync(TotpAuthenticator authenticator, long step, CancellationToken cancellationToken)
    {
        if (!await authenticators.TryUseStepAsync(authenticator.UserId, step, cancellationToken))
        {
            return false;
        }

        if (authenticator.KeyId != protector.CurrentKeyId)
        {
            var secret = protector.Decrypt(authenticator.UserId, authenticator.EncryptedSecret, authenticator.KeyId);
            var (encrypted, keyId) = protector.Encrypt(authenticator.UserId, secret);
            await authenticators.ReencryptAsync(authenticator.Id, encrypted, keyId, cancellationToken);
        }

        return true;
    }

    /// <summary>Matches and spends in one go, for a change that needs no transaction of its own.</summary>
    public async Task<bool> TryAcceptTotpAsync(TotpAuthenticator? authenticator, string code, CancellationToken cancellationToken) =>
        authenticator is { IsConfirmed: true }
        && MatchStep(authenticator, code) is { } step
        && await TrySpendStepAsync(authenticator, step, cancellationToken);

    /// <returns><c>true</c> for exactly one caller: the code was an unused recovery code of the user's and is now used.</returns>
    public async Task<bool> TryUseRecoveryCodeAsync(Guid userId, string code, CancellationToken cancellationToken) =>
        RecoveryCodes.Normalize(code) is { } normalized
        && await recoveryCodes.TryUseAsync(userId, normalized, timeProvider.GetUtcNow(), cancellationToken);
}
