using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Application.Sessions.Commands.RevokeSession;

public sealed class RevokeSessionCommandHandler(ISessionRepository sessions, TimeProvider timeProvider)
    : ICommandHandler<RevokeSessionCommand>
{
    public async ValueTask<Unit> Handle(RevokeSessionCommand command, CancellationToken cancellationToken) =>
        await sessions.RevokeAsync(command.UserId, command.SessionId, timeProvider.GetUtcNow(), cancellationToken)
            ? Unit.Value
            : throw new NotFoundException("No such session.");
}
