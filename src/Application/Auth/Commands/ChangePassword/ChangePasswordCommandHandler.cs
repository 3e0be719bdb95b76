using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Options;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Auth.Commands.ChangePassword;

public sealed partial class ChangePasswordCommandHandler(
    IUserRepository users,
    ISessionStore sessions,
    IEmailTokenStore emailTokens,
    IPasswordHasher passwordHasher,
    ILoginThrottle throttle,
    ITokenIssuer tokenIssuer,
    ITransactionScope transaction,
    TimeProvider timeProvider,
    IOptions<SessionOptions> options,
    IShopMetrics metrics,
    ILogger<ChangePasswordCommandHandler> logger) : ICommandHandler<ChangePasswordCommand, TokenPair>
{
    public async ValueTask<TokenPair> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            throw new TokenNotValidException();
        }

        // The current password is guessed like a login's (a stolen access token must not allow endless
        // guesses, nor a full hash per request): the same count, before the hash, and the same lockout.
        if (await throttle.CountAttemptAsync(user.Email, cancellationToken) is { } wait)
        {
            LogLockedOut(logger, user.Id);
            throw new RateLimitedException(wait);
        }

        if (await passwordHasher.VerifyAsync(user.PasswordHash, command.CurrentPassword, cancellationToken) == PasswordCheck.Failed)
        {
            LogWrongCurrentPassword(logger, user.Id);
            throw new ValidationFailedException("currentPassword", "Current password is not correct.");
        }

        await throttle.ResetAsync(user.Email, cancellationToken);

        // All or nothing: a new password with the other sessions still live would defeat its purpose.
        var now = timeProvider.GetUtcNow();
        var newHash = await passwordHasher.HashAsync(command.NewPassword, cancellationToken);
        var (refresh, revoked) = await transaction.RunAsync(
            async ct =>
            {
                // The caller's session must still be live before anything changes.
                var replaced = await sessions.ReplaceRefreshTokenAsync(
                    command.SessionId, now, options.Value.RefreshTokenLifetime, ct)
                    ?? throw new TokenNotValidException();
                user.ChangePassword(newHash);
                await users.UpdateAsync(user, ct);

                // Whoever else knew the old password is logged out; the caller keeps their session.
                var revoked = await sessions.RevokeAllAsync(user.Id, command.SessionId, now, ct);

                // A reset link asked for before this change must not undo it.
                await emailTokens.VoidAsync(user.Id, EmailTokenPurpose.ResetPassword, now, ct);
                return (replaced, revoked);
            },
            cancellationToken);
        metrics.SessionsRevoked(SessionRevocationReason.PasswordChanged, revoked);
        var access = tokenIssuer.IssueAccessToken(user.Id, command.SessionId);
        return new TokenPair(access.Token, refresh, TokenPair.BearerTokenType, access.ExpiresInSeconds);
    }

    // Audit events of the failed-login family (3003, 3004); only the handler knows the check failed.
    [LoggerMessage(EventId = 3041, Level = LogLevel.Warning,
        Message = "Audit: password change of user {UserId} refused, the current password is wrong")]
    private static partial void LogWrongCurrentPassword(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3042, Level = LogLevel.Warning,
        Message = "Audit: password change of user {UserId} refused, the account's email is locked out")]
    private static partial void LogLockedOut(ILogger logger, Guid userId);
}
