using Mediator;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Application.Sessions.Commands.LogoutAll;

public sealed class LogoutAllCommandHandler(ISessionRepository sessions, TimeProvider timeProvider)
    : ICommandHandler<LogoutAllCommand>
{
    public async ValueTask<Unit> Handle(LogoutAllCommand command, CancellationToken cancellationToken)
    {
        await sessions.RevokeAllAsync(command.UserId, exceptSessionId: null, timeProvider.GetUtcNow(), cancellationToken);
        return Unit.Value;
    }
}
