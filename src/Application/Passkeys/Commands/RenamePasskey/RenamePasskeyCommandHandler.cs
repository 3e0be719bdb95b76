using AutoMapper;
using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Passkeys.Models;

namespace ShopEase.Application.Passkeys.Commands.RenamePasskey;

public sealed class RenamePasskeyCommandHandler(IPasskeyRepository passkeys, IMapper mapper)
    : ICommandHandler<RenamePasskeyCommand, PasskeyDto>
{
    public async ValueTask<PasskeyDto> Handle(RenamePasskeyCommand command, CancellationToken cancellationToken)
    {
        var passkey = await passkeys.FindAsync(command.UserId, command.PasskeyId, cancellationToken)
            ?? throw new NotFoundException("No such passkey.");
        passkey.Rename(command.Name!);
        await passkeys.UpdateAsync(passkey, cancellationToken);
        return mapper.Map<PasskeyDto>(passkey);
    }
}
