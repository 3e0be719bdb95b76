using Mediator;
using ShopEase.Application.Common.Auditing;
using ShopEase.Application.Common.Behaviors;

namespace ShopEase.Application.Passkeys.Commands.DeletePasskey;

public sealed record DeletePasskeyCommand(Guid UserId, Guid PasskeyId) : ICommand, IAuditedCommand, ITransactionalCommand;
