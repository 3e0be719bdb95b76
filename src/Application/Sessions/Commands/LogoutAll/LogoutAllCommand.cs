using Mediator;

namespace ShopEase.Application.Sessions.Commands.LogoutAll;

public sealed record LogoutAllCommand(Guid UserId) : ICommand;
