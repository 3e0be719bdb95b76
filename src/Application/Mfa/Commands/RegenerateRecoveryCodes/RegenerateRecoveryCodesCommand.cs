using Mediator;
using ShopEase.Application.Common.Auditing;
using ShopEase.Application.Mfa.Models;

namespace ShopEase.Application.Mfa.Commands.RegenerateRecoveryCodes;

public sealed record RegenerateRecoveryCodesCommand(Guid UserId, string Password, string Code) : ICommand<RecoveryCodesResult>, IAuditedCommand;
