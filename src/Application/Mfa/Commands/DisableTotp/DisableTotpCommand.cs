using Mediator;
using ShopEase.Application.Common.Auditing;
using ShopEase.Application.Mfa.Models;

namespace ShopEase.Application.Mfa.Commands.DisableTotp;

/// <param name="Code">A current TOTP code, or an unused recovery code when the authenticator is lost.</param>
public sealed record DisableTotpCommand(Guid UserId, string Password, string Code) : ICommand<TotpDisabled>, IAuditedCommand;
