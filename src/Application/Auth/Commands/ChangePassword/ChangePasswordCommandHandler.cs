using Mediator;
using Microsoft.Extensions.Options;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Common.Options;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Auth.Commands.ChangePassword;

public sealed class ChangePasswordCommandHandler(
    IUserRepository users,
    ISessionRepository sessions,
    IRefreshTokenStore refreshTokens,
    IEmailTokenStore emailTokens,
    IPasswordHasher passwordHasher,
    ITokenIssuer tokenIssuer,
    ITransactionScope transaction,
    TimeProvider timeProvider,
    IOptions<SessionOptions> options,
    IShopMetrics metrics) : ICommandHandler<ChangePasswordCommand, TokenPair>
{
    public async ValueTask<TokenPair> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            throw new TokenNotValidException();
        }

        if (await passwordHasher.VerifyAsync(user.PasswordHash, command.CurrentPassword, cancellationToken) == PasswordCheck.Failed)
        {
            throw new ValidationFailedException("currentPassword", "Current password is not correct.");
        }

        // All or nothing: a new password with the other sessions still live would defeat its purpose.
        var now = timeProvider.GetUtcNow();
        var newHash = await passwordHasher.HashAsync(command.NewPassword, cancellationToken);
        var (refresh, revoked) = await transaction.RunAsync(
            async ct =>
            {
                // The caller's session must still be live before anything changes.
                var replaced = await refreshTokens.ReplaceRefreshTokenAsync(
                    command.SessionId, now, options.Value.RefreshTokenLifetime, ct)
                    ?? throw new TokenNotValidException();
                user.ChangePasswordHash(newHash);
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
}
