using Mediator;
using ShopEase.Application.Common.Auditing;

namespace ShopEase.Application.Sessions.Commands.RevokeSession;

public sealed record RevokeSessionCommand(Guid UserId, Guid SessionId) : ICommand, IAuditedCommand;
