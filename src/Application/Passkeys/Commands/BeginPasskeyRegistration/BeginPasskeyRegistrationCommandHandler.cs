using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Passkeys.Models;

namespace ShopEase.Application.Passkeys.Commands.BeginPasskeyRegistration;

public sealed class BeginPasskeyRegistrationCommandHandler(
    IUserRepository users,
    IPasskeyRepository passkeys,
    IPasskeyRelyingParty relyingParty,
    IPasskeyChallengeStore challenges,
    TimeProvider timeProvider) : ICommandHandler<BeginPasskeyRegistrationCommand, CreationOptions>
{
    public async ValueTask<CreationOptions> Handle(BeginPasskeyRegistrationCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            throw new TokenNotValidException();
        }

        // Listed so that an authenticator that holds one of them declines to register a second.
        var registered = await passkeys.ListAsync(user.Id, cancellationToken);
        var start = relyingParty.StartRegistration(user, [.. registered.Select(p => p.CredentialId)]);
        var now = timeProvider.GetUtcNow();
        await challenges.SaveAsync(
            new PasskeyChallenge(Guid.CreateVersion7(now), PasskeyCeremony.Registration, user.Id, start.Challenge, start.State,
                now + PasskeyChallenges.Lifetime),
            cancellationToken);
        return start.Options;
    }
}
