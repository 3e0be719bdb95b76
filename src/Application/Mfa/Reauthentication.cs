using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Mfa;

/// <summary>
/// Proves the signed-in caller again before a change of their second factor: the password, checked
/// under the login's lockout (a wrong one counts as a failed login), and where asked a current code
/// (a wrong one counts too). A change that passed calls <see cref="SucceededAsync"/>, which clears
/// the count as a successful login does.
/// </summary>
public sealed class Reauthentication(
    IUserRepository users,
    IPasswordHasher passwordHasher,
    ILoginThrottle throttle,
    ITotpAuthenticatorRepository authenticators,
    SecondFactor secondFactor)
{
    public const string PasswordField = "password";

    /// <summary>
    /// Before a change of a second factor that is on: the caller's account must be active with TOTP on,
    /// and the caller must give the password and a current code (or, where allowed, an unused recovery code).
    /// </summary>
    /// <param name="orRecoveryCode">Also take an unused recovery code, for a user whose authenticator is lost.</param>
    /// <returns>The account, and whether a recovery code was taken (and spent) in place of a TOTP code.</returns>
    public async Task<(User User, bool WithRecoveryCode)> RequirePasswordAndCodeAsync(
        Guid userId, string password, string code, bool orRecoveryCode, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId, cancellationToken);
        if (user is not { IsActive: true })
        {
            throw new TokenNotValidException();
        }

        if (!user.MfaEnabled)
        {
            throw new ValidationFailedException(MfaRules.StateField, MfaRules.NotEnabled);
        }

        await RequirePasswordAsync(user, password, cancellationToken);
        return (user, await RequireCodeAsync(user, code, orRecoveryCode, cancellationToken));
    }

    public async Task RequirePasswordAsync(User user, string password, CancellationToken cancellationToken)
    {
        // Counted before the hash, like a login: parallel guesses cannot outrun the lockout.
        await CountAttemptAsync(user, cancellationToken);
        if (await passwordHasher.VerifyAsync(user.PasswordHash, password, cancellationToken) == PasswordCheck.Failed)
        {
            throw new ValidationFailedException(PasswordField, "Password is not correct.");
        }
    }

    private async Task<bool> RequireCodeAsync(User user, string code, bool orRecoveryCode, CancellationToken cancellationToken)
    {
        await CountAttemptAsync(user, cancellationToken);
        var authenticator = await authenticators.FindAsync(user.Id, cancellationToken);
        if (await secondFactor.TryAcceptTotpAsync(authenticator, code, cancellationToken))
        {
            return false;
        }

        if (orRecoveryCode && await secondFactor.TryUseRecoveryCodeAsync(user.Id, code, cancellationToken))
        {
            return true;
        }

        throw new InvalidMfaCodeException(user.Id);
    }

    private async Task CountAttemptAsync(User user, CancellationToken cancellationToken)
    {
        if (await throttle.CountAttemptAsync(user.Email, cancellationToken) is { } wait)
        {
            throw new RateLimitedException(wait);
        }
    }

    public Task SucceededAsync(User user, CancellationToken cancellationToken) => throttle.ResetAsync(user.Email, cancellationToken);
}
