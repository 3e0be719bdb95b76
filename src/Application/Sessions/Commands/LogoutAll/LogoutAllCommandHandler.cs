using Mediator;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Application.Sessions.Commands.LogoutAll;

public sealed class LogoutAllCommandHandler(ISessionStore sessions, TimeProvider timeProvider, IShopMetrics metrics)
    : ICommandHandler<LogoutAllCommand>
{
    public async ValueTask<Unit> Handle(LogoutAllCommand command, CancellationToken cancellationToken)
    {
        var revoked = await sessions.RevokeAllAsync(command.UserId, exceptSessionId: null, timeProvider.GetUtcNow(), cancellationToken);
        metrics.SessionsRevoked(SessionRevocationReason.LogoutAll, revoked);
        return Unit.Value;
    }
}
