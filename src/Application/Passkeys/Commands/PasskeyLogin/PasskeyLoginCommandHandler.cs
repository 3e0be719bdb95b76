using Mediator;
using ShopEase.Application.Auth;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Application.Passkeys.Commands.PasskeyLogin;

/// <summary>
/// Signs in with a discoverable credential: the flow's challenge is taken (once, by any node), the
/// credential found by its id, the assertion verified against its stored key and counter, and a
/// session started as password login starts one. A passkey is possession plus the authenticator's
/// user verification, so no second factor is asked for. Every failure is the same 401.
/// </summary>
public sealed class PasskeyLoginCommandHandler(
    IUserRepository users,
    IPasskeyRepository passkeys,
    IPasskeyRelyingParty relyingParty,
    IPasskeyChallengeStore challenges,
    SessionStarter sessionStarter,
    TimeProvider timeProvider,
    IShopMetrics metrics) : ICommandHandler<PasskeyLoginCommand, AuthResult>
{
    public async ValueTask<AuthResult> Handle(PasskeyLoginCommand command, CancellationToken cancellationToken)
    {
        try
        {
            var result = await SignInAsync(command, cancellationToken);
            metrics.LoginAttempted(LoginOutcome.Succeeded);
            return result;
        }
        catch (InvalidCredentialsException)
        {
            metrics.LoginAttempted(LoginOutcome.Failed);
            throw;
        }
    }

    private async Task<AuthResult> SignInAsync(PasskeyLoginCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var begun = Guid.TryParse(command.FlowId, out var flowId)
            ? await challenges.TakeAsync(flowId, PasskeyCeremony.Login, cancellationToken)
            : null;
        if (begun is null)
        {
            throw Refused("unknown or used flow");
        }

        if (begun.ExpiresAt <= now)
        {
            throw Refused("expired flow");
        }

        var credential = command.Credential!;
        var passkey = await passkeys.FindByCredentialIdAsync(
            System.Buffers.Text.Base64Url.DecodeFromChars(credential.RawId), cancellationToken)
            ?? throw Refused("unknown credential");

        uint signCount;
        try
        {
            signCount = await relyingParty.VerifyLoginAsync(begun.State, credential, passkey, cancellationToken);
        }
        catch (PasskeyRejectedException rejected)
        {
            throw Refused(rejected.Message);
        }

        if (!passkey.AcceptsSignCount(signCount))
        {
            throw Refused("signature counter did not go up");
        }

        var user = await users.FindByIdAsync(passkey.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            throw Refused("inactive account");
        }

        if (!await passkeys.TryRecordUseAsync(passkey.Id, passkey.SignCount, signCount, now, cancellationToken))
        {
            throw Refused("signature counter moved by another sign-in");
        }

        user.RecordLogin(now);
        await users.UpdateAsync(user, cancellationToken);
        return await sessionStarter.StartAsync(user, command.Client, cancellationToken);
    }

    private static InvalidCredentialsException Refused(string reason) =>
        new("The passkey could not be verified.") { Reason = reason };
}
