using Mediator;

namespace ShopEase.Application.Auth.Commands.Logout;

/// <param name="UserId">The caller, from the access token; only their own sessions can be ended.</param>
public sealed record LogoutCommand(Guid UserId, string Refresh) : ICommand;
