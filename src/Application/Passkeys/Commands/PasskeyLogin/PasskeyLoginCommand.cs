using Mediator;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common;
using ShopEase.Application.Common.Auditing;
using ShopEase.Application.Passkeys.Models;

namespace ShopEase.Application.Passkeys.Commands.PasskeyLogin;

public sealed record PasskeyLoginCommand(string FlowId, AuthenticationCredential? Credential, ClientInfo Client) : ICommand<AuthResult>, IAuditedCommand;
