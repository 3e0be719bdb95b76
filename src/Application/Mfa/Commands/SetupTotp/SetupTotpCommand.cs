using Mediator;
using ShopEase.Application.Common.Auditing;
using ShopEase.Application.Mfa.Models;

namespace ShopEase.Application.Mfa.Commands.SetupTotp;

public sealed record SetupTotpCommand(Guid UserId, string Password) : ICommand<TotpSetupResult>, IAuditedCommand;
