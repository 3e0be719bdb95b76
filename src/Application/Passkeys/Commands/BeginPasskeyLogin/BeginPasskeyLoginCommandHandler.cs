using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Passkeys.Models;

namespace ShopEase.Application.Passkeys.Commands.BeginPasskeyLogin;

public sealed class BeginPasskeyLoginCommandHandler(
    IPasskeyRelyingParty relyingParty, IPasskeyChallengeStore challenges, TimeProvider timeProvider)
    : ICommandHandler<BeginPasskeyLoginCommand, PasskeyLoginOptions>
{
    public async ValueTask<PasskeyLoginOptions> Handle(BeginPasskeyLoginCommand command, CancellationToken cancellationToken)
    {
        var start = relyingParty.StartLogin();
        var now = timeProvider.GetUtcNow();
        var flowId = Guid.CreateVersion7(now);
        await challenges.SaveAsync(
            new PasskeyChallenge(flowId, PasskeyCeremony.Login, null, start.Challenge, start.State, now + PasskeyChallenges.Lifetime),
            cancellationToken);
        return new PasskeyLoginOptions(flowId.ToString(), start.Options);
    }
}
