using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Application.Sessions.Commands.RevokeSession;

public sealed class RevokeSessionCommandHandler(ISessionStore sessions, TimeProvider timeProvider, IShopMetrics metrics)
    : ICommandHandler<RevokeSessionCommand>
{
    public async ValueTask<Unit> Handle(RevokeSessionCommand command, CancellationToken cancellationToken)
    {
        if (!await sessions.RevokeAsync(command.UserId, command.SessionId, timeProvider.GetUtcNow(), cancellationToken))
        {
            throw new NotFoundException("No such session.");
        }

        metrics.SessionsRevoked(SessionRevocationReason.SessionEnded, 1);
        return Unit.Value;
    }
}
