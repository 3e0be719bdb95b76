using AutoMapper;
using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Passkeys.Models;
using ShopEase.Domain.Passkeys;

namespace ShopEase.Application.Passkeys.Commands.RegisterPasskey;

/// <summary>
/// Finishes a registration the same account began: its challenge is taken (once, by any node),
/// the relying party verifies the attestation, and the credential is kept.
/// </summary>
public sealed class RegisterPasskeyCommandHandler(
    IPasskeyRepository passkeys,
    IPasskeyRelyingParty relyingParty,
    IPasskeyChallengeStore challenges,
    IMapper mapper,
    TimeProvider timeProvider) : ICommandHandler<RegisterPasskeyCommand, PasskeyDto>
{
    private const string Field = "credential";

    public async ValueTask<PasskeyDto> Handle(RegisterPasskeyCommand command, CancellationToken cancellationToken)
    {
        var credential = command.Credential!;
        var challenge = relyingParty.ChallengeOf(credential.Response!.ClientDataJson!)
            ?? throw new ValidationFailedException(Field, RegisterPasskeyCommandValidator.NotARegistration);
        var now = timeProvider.GetUtcNow();
        var begun = await challenges.TakeRegistrationAsync(command.UserId, challenge, cancellationToken);
        if (begun is null || begun.ExpiresAt <= now)
        {
            throw new ValidationFailedException(Field,
                "These registration options expired or were used already; ask for new ones and try again.");
        }

        VerifiedPasskey verified;
        try
        {
            verified = await relyingParty.VerifyRegistrationAsync(begun.State, credential, cancellationToken);
        }
        catch (PasskeyRejectedException)
        {
            throw new ValidationFailedException(Field, "The passkey could not be verified.");
        }

        var passkey = Passkey.Register(
            command.UserId, verified.CredentialId, verified.PublicKey, verified.SignCount, command.Name ?? string.Empty, now);
        if (!await passkeys.TryAddAsync(passkey, cancellationToken))
        {
            throw new ValidationFailedException(Field, "This passkey is registered already.");
        }

        return mapper.Map<PasskeyDto>(passkey);
    }
}
