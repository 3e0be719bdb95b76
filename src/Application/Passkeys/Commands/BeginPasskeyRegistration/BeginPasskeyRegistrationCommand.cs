using Mediator;
using ShopEase.Application.Passkeys.Models;

namespace ShopEase.Application.Passkeys.Commands.BeginPasskeyRegistration;

public sealed record BeginPasskeyRegistrationCommand(Guid UserId) : ICommand<CreationOptions>;
