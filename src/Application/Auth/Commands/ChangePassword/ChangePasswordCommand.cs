using Mediator;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Auditing;

namespace ShopEase.Application.Auth.Commands.ChangePassword;

/// <param name="SessionId">The caller's session: it survives with a new token pair; every other one is revoked.</param>
public sealed record ChangePasswordCommand(Guid UserId, Guid SessionId, string CurrentPassword, string NewPassword)
    : ICommand<TokenPair>, IAuditedCommand;
