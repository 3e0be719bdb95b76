using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Application.Auth.Commands.Logout;

public sealed class LogoutCommandHandler(ISessionStore sessions, TimeProvider timeProvider, IShopMetrics metrics)
    : ICommandHandler<LogoutCommand>
{
    public async ValueTask<Unit> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        var revoked = await sessions.RevokeSessionOfTokenAsync(
            command.Refresh, command.UserId, timeProvider.GetUtcNow(), cancellationToken, command.RequiredSessionId);
        if (!revoked)
        {
            throw new TokenNotValidException();
        }

        metrics.SessionsRevoked(SessionRevocationReason.Logout, 1);
        return Unit.Value;
    }
}
