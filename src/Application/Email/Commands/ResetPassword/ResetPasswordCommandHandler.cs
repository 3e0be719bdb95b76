using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Email.Models;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Email.Commands.ResetPassword;

public sealed class ResetPasswordCommandHandler(
    IEmailTokenStore tokens,
    IUserRepository users,
    ISessionStore sessions,
    IPasswordHasher passwordHasher,
    ITransactionScope transaction,
    TimeProvider timeProvider,
    IShopMetrics metrics) : ICommandHandler<ResetPasswordCommand, PasswordResetDone>
{
    private static readonly EmailTokenPurpose[] Purposes = [EmailTokenPurpose.ResetPassword];

    public async ValueTask<PasswordResetDone> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();

        // A cheap look first: a made-up or used token must not cost a password hash.
        if (await tokens.FindLiveAsync(command.Token, Purposes, now, cancellationToken) is null)
        {
            throw new TokenNotValidException();
        }

        var newHash = await passwordHasher.HashAsync(command.NewPassword, cancellationToken);

        // All or nothing: the token is spent exactly when the password changes and every session ends.
        var done = await transaction.RunAsync(
            async ct =>
            {
                // Of concurrent resets with one token, exactly one gets past this line.
                var claim = await tokens.SpendAsync(command.Token, Purposes, now, ct) ?? throw new TokenNotValidException();
                var user = await users.FindByIdAsync(claim.UserId, ct);
                if (user is not { IsActive: true } || claim.Email != user.Email)
                {
                    throw new TokenNotValidException();
                }

                user.ChangePassword(newHash);

                // The link reached the address, which proves it as well as a verification link would.
                user.MarkEmailVerified(now);
                await users.UpdateAsync(user, ct);
                await tokens.VoidAsync(user.Id, EmailTokenPurpose.ResetPassword, now, ct);

                // Like logout-all: whoever knew the old password, or holds a session, is out at once.
                var revoked = await sessions.RevokeAllAsync(user.Id, exceptSessionId: null, now, ct);
                return new PasswordResetDone(user.Id, revoked);
            },
            cancellationToken);
        metrics.SessionsRevoked(SessionRevocationReason.PasswordReset, done.RevokedSessions);
        return done;
    }
}
