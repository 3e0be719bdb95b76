using Mediator;
using ShopEase.Application.Common.Auditing;

namespace ShopEase.Application.Email.Commands.ChangeEmail;

/// <summary>
/// Asks to move the caller's account to <paramref name="NewEmail"/>: nothing changes until the link mailed
/// there is followed. The current address is told.
/// </summary>
public sealed record ChangeEmailCommand(Guid UserId, string NewEmail, string Password) : ICommand, IAuditedCommand;
