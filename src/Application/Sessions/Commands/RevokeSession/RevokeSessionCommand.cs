using Mediator;

namespace ShopEase.Application.Sessions.Commands.RevokeSession;

public sealed record RevokeSessionCommand(Guid UserId, Guid SessionId) : ICommand;
