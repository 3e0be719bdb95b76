using Mediator;
using ShopEase.Application.Common.Auditing;

namespace ShopEase.Application.Auth.Commands.Logout;

/// <param name="UserId">The caller, from the access token; only their own sessions can be ended.</param>
/// <param name="RequiredSessionId">Browser mode: the refresh token must belong to this session (the CSRF token's).</param>
public sealed record LogoutCommand(Guid UserId, string Refresh, Guid? RequiredSessionId = null) : ICommand, IAuditedCommand;
