using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Application.Passkeys.Commands.DeletePasskey;

/// <summary>An account always keeps a way in: the last passkey of an account without a password stays.</summary>
public sealed class DeletePasskeyCommandHandler(IPasskeyRepository passkeys) : ICommandHandler<DeletePasskeyCommand>
{
    public const string LastWayIn =
        "This is the only way into an account without a password; register another passkey before deleting it.";

    public async ValueTask<Unit> Handle(DeletePasskeyCommand command, CancellationToken cancellationToken) =>
        await passkeys.DeleteAsync(command.UserId, command.PasskeyId, cancellationToken) switch
        {
            PasskeyRemoval.Deleted => Unit.Value,
            PasskeyRemoval.LastWayIn => throw new ValidationFailedException("id", LastWayIn),
            _ => throw new NotFoundException("No such passkey."),
        };
}
