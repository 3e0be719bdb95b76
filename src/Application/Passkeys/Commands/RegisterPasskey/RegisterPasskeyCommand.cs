using Mediator;
using ShopEase.Application.Common.Auditing;
using ShopEase.Application.Passkeys.Models;

namespace ShopEase.Application.Passkeys.Commands.RegisterPasskey;

public sealed record RegisterPasskeyCommand(Guid UserId, RegistrationCredential? Credential, string? Name) : ICommand<PasskeyDto>, IAuditedCommand;
