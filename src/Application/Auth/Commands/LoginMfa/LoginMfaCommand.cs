using Mediator;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common;
using ShopEase.Application.Common.Auditing;

namespace ShopEase.Application.Auth.Commands.LoginMfa;

/// <summary>The second step of a login: the challenge's token and either a TOTP code or a recovery code.</summary>
public sealed record LoginMfaCommand(string MfaToken, string? Code, string? RecoveryCode, ClientInfo Client) : ICommand<AuthResult>, IAuditedCommand;
