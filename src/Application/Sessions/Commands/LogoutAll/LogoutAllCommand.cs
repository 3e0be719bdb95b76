using Mediator;
using ShopEase.Application.Common.Auditing;

namespace ShopEase.Application.Sessions.Commands.LogoutAll;

public sealed record LogoutAllCommand(Guid UserId) : ICommand, IAuditedCommand;
