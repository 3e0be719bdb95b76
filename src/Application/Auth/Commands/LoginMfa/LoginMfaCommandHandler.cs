using Mediator;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Mfa;

namespace ShopEase.Application.Auth.Commands.LoginMfa;

public sealed class LoginMfaCommandHandler(
    IMfaChallengeStore challenges,
    IUserRepository users,
    ITotpAuthenticatorRepository authenticators,
    SecondFactor secondFactor,
    ILoginThrottle throttle,
    ITransactionScope transaction,
    SessionStarter sessionStarter,
    TimeProvider timeProvider,
    IShopMetrics metrics) : ICommandHandler<LoginMfaCommand, AuthResult>
{
    public async ValueTask<AuthResult> Handle(LoginMfaCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();

        // Counted before the code is looked at, so that parallel guesses cannot outrun the limit.
        var challenge = await challenges.ClaimAttemptAsync(command.MfaToken, now, MfaRules.MaxCodeAttempts, cancellationToken)
            ?? throw new TokenNotValidException();

        // Bound to the password check that made it: a password changed since, an account switched
        // off or a second factor turned off since, and the token is worth nothing.
        var user = await users.FindByIdAsync(challenge.UserId, cancellationToken);
        if (user is not { IsActive: true, MfaEnabled: true } || user.PasswordStamp != challenge.PasswordStamp)
        {
            throw new TokenNotValidException();
        }

        // Each code is counted before it is checked, as each password is: wrong codes lock the account.
        if (await throttle.CountAttemptAsync(user.Email, cancellationToken) is { } wait)
        {
            metrics.LoginAttempted(LoginOutcome.LockedOut);
            throw new RateLimitedException(wait);
        }

        var authenticator = command.Code is null ? null : await authenticators.FindAsync(user.Id, cancellationToken);
        var accepted = await transaction.RunAsync(
            async ct =>
            {
                var factor = command.Code is { } code
                    ? authenticator is { IsConfirmed: true } && secondFactor.MatchStep(authenticator, code) is { } step
                        && await secondFactor.TrySpendStepAsync(authenticator, step, ct)
                    : await secondFactor.TryUseRecoveryCodeAsync(user.Id, command.RecoveryCode ?? string.Empty, ct);

                // Single use: of two requests with one token, the one that spends it second is refused,
                // and the factor it spent is given back with the rollback.
                if (factor && !await challenges.TryConsumeAsync(challenge.Id, ct))
                {
                    throw new TokenNotValidException();
                }

                return factor;
            },
            cancellationToken);
        if (!accepted)
        {
            metrics.LoginAttempted(LoginOutcome.SecondFactorFailed);
            throw new InvalidMfaCodeException(user.Id);
        }

        await throttle.ResetAsync(user.Email, cancellationToken);
        user.RecordLogin(now);
        await users.UpdateAsync(user, cancellationToken);
        var result = await sessionStarter.StartAsync(user, command.Client, cancellationToken);
        metrics.LoginAttempted(LoginOutcome.Succeeded);
        return result;
    }
}
