using Mediator;
using ShopEase.Application.Passkeys.Models;

namespace ShopEase.Application.Passkeys.Commands.RenamePasskey;

public sealed record RenamePasskeyCommand(Guid UserId, Guid PasskeyId, string? Name) : ICommand<PasskeyDto>;
