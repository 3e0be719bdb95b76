using Mediator;
using ShopEase.Application.Common.Auditing;
using ShopEase.Application.Mfa.Models;

namespace ShopEase.Application.Mfa.Commands.ConfirmTotp;

public sealed record ConfirmTotpCommand(Guid UserId, string Code) : ICommand<RecoveryCodesResult>, IAuditedCommand;
