using Mediator;
using ShopEase.Application.Common.Auditing;

namespace ShopEase.Application.Email.Commands.ResendVerification;

/// <summary>Mails the caller a fresh verification link, unless the address is already verified.</summary>
public sealed record ResendVerificationCommand(Guid UserId) : ICommand, IAuditedCommand;
