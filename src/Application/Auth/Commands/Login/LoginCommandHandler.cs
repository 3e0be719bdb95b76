using Mediator;
using Microsoft.Extensions.Options;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Options;
using ShopEase.Application.Mfa;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Auth.Commands.Login;

public sealed class LoginCommandHandler(
    IUserRepository users,
    IPasswordHasher passwordHasher,
    ILoginThrottle throttle,
    IMfaChallengeStore mfaChallenges,
    SessionStarter sessionStarter,
    TimeProvider timeProvider,
    IOptions<AccountOptions> accounts,
    IShopMetrics metrics) : ICommandHandler<LoginCommand, LoginResult>
{
    public async ValueTask<LoginResult> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(command.Email);

        // Counted before the slow hash, so parallel guesses cannot outrun the lockout; a locked email
        // is refused before its password is looked at: no hint whether it was right.
        if (await throttle.CountAttemptAsync(email, cancellationToken) is { } wait)
        {
            metrics.LoginAttempted(LoginOutcome.LockedOut);
            throw new RateLimitedException(wait);
        }

        // No account has a malformed email, and one holding a NUL or half a character cannot even be
        // looked up; it is answered like an unknown one.
        var user = EmailAddress.IsWellFormed(email) ? await users.FindByEmailAsync(email, cancellationToken) : null;
        if (user is null)
        {
            await passwordHasher.VerifyAgainstDummyHashAsync(command.Password, cancellationToken);
            metrics.LoginAttempted(LoginOutcome.Failed);
            throw new InvalidCredentialsException();
        }

        // The password is checked before the account state so that an inactive account costs
        // the same time as an active one; an account without a password (passkeys only) pays a
        // hash too, so that no password is not told apart from a wrong one.
        var check = user.HasPassword
            ? await passwordHasher.VerifyAsync(user.PasswordHash, command.Password, cancellationToken)
            : await passwordHasher.VerifyAgainstDummyHashAsync(command.Password, cancellationToken);
        if (check == PasswordCheck.Failed || !user.IsActive)
        {
            metrics.LoginAttempted(LoginOutcome.Failed);
            throw new InvalidCredentialsException();
        }

        // With a second factor on, the password alone does not clear the failure count (see ChallengeAsync).
        if (!user.MfaEnabled)
        {
            await throttle.ResetAsync(email, cancellationToken);
        }

        // Only now, after the password: without it, this answer would tell which emails have accounts.
        if (accounts.Value.RequireVerifiedEmail && !user.EmailVerified)
        {
            metrics.LoginAttempted(LoginOutcome.EmailNotVerified);
            throw new EmailNotVerifiedException();
        }

        if (check == PasswordCheck.SucceededRehashNeeded)
        {
            user.ChangePasswordHash(await passwordHasher.HashAsync(command.Password, cancellationToken));
        }

        var now = timeProvider.GetUtcNow();
        if (user.MfaEnabled)
        {
            var challenge = await ChallengeAsync(user, now, cancellationToken);
            metrics.LoginAttempted(LoginOutcome.SecondFactorRequired);
            return LoginResult.SecondFactorRequired(challenge);
        }

        user.RecordLogin(now);
        await users.UpdateAsync(user, cancellationToken);

        var result = await sessionStarter.StartAsync(user, command.Client, cancellationToken);
        metrics.LoginAttempted(LoginOutcome.Succeeded);
        return LoginResult.SignedIn(result);
    }

    /// <summary>
    /// The password alone does not clear the failure count here: otherwise logging in again after
    /// every few wrong codes would buy an unlimited number of guesses at the code.
    /// </summary>
    private async Task<MfaRequiredResult> ChallengeAsync(User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await users.UpdateAsync(user, cancellationToken);
        var token = await mfaChallenges.CreateAsync(
            user.Id, user.PasswordStamp, now, now + MfaRules.ChallengeLifetime, cancellationToken);
        return new MfaRequiredResult(MfaRequired: true, token, (int)MfaRules.ChallengeLifetime.TotalSeconds) { UserId = user.Id };
    }
}
