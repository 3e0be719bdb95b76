using System.Buffers.Text;
using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Objects;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Passkeys.Models;
using ShopEase.Domain.Passkeys;
using ShopEase.Domain.Users;
using AuthenticatorSelectionModel = ShopEase.Application.Passkeys.Models.AuthenticatorSelection;

namespace ShopEase.Infrastructure.Passkeys;

/// <summary>
/// The ceremonies through the Fido2 library (fido2-net-lib), which implements WebAuthn's
/// verification steps. The state kept between options and answer is the library's own options
/// JSON, so that the answer is verified against exactly what was sent.
/// </summary>
internal sealed class Fido2RelyingParty(IFido2 fido2, Fido2Configuration configuration) : IPasskeyRelyingParty
{
    private const string PublicKeyType = "public-key";
    private const string UserVerification = "preferred";

    private static readonly PubKeyCredParam[] Algorithms = [PubKeyCredParam.ES256, PubKeyCredParam.RS256];

    public PasskeyCeremonyStart<CreationOptions> StartRegistration(User user, IReadOnlyList<byte[]> registeredCredentialIds)
    {
        var options = fido2.RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = UserHandle(user.Id), Name = user.Email, DisplayName = user.Email },
            ExcludeCredentials = [.. registeredCredentialIds.Select(id => new PublicKeyCredentialDescriptor(id))],
            AuthenticatorSelection = new Fido2NetLib.AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = UserVerificationRequirement.Preferred,
            },
            AttestationPreference = AttestationConveyancePreference.None,
            PubKeyCredParams = Algorithms,
        });
        var forBrowser = new CreationOptions(
            new RelyingPartyEntity(options.Rp.Id, options.Rp.Name),
            new UserEntity(Base64Url.EncodeToString(options.User.Id), options.User.Name, options.User.DisplayName),
            Base64Url.EncodeToString(options.Challenge),
            [.. Algorithms.Select(a => new CredentialParameters(PublicKeyType, (int)a.Alg))],
            (long)options.Timeout,
            [.. registeredCredentialIds.Select(id => new CredentialDescriptor(PublicKeyType, Base64Url.EncodeToString(id)))],
            new AuthenticatorSelectionModel("required", RequireResidentKey: true, UserVerification),
            "none");
        return new(forBrowser, options.Challenge, options.ToJson());
    }

    public async Task<VerifiedPasskey> VerifyRegistrationAsync(
        string state, RegistrationCredential credential, CancellationToken cancellationToken)
    {
        var response = credential.Response!;
        var raw = new AuthenticatorAttestationRawResponse
        {
            Id = credential.Id!,
            RawId = Base64Url.DecodeFromChars(credential.RawId),
            Type = PublicKeyCredentialType.PublicKey,
            Response = new AuthenticatorAttestationRawResponse.AttestationResponse
            {
                AttestationObject = Base64Url.DecodeFromChars(response.AttestationObject),
                ClientDataJson = Base64Url.DecodeFromChars(response.ClientDataJson),
                Transports = [],
            },
            ClientExtensionResults = new AuthenticationExtensionsClientOutputs(),
        };
        var registered = await VerifyAsync(() => fido2.MakeNewCredentialAsync(
            new MakeNewCredentialParams
            {
                AttestationResponse = raw,
                OriginalOptions = CredentialCreateOptions.FromJson(state),

                // The unique index on the credential id decides, in the same write that keeps it.
                IsCredentialIdUniqueToUserCallback = (_, _) => Task.FromResult(true),
            },
            cancellationToken));
        if (!registered.Id.AsSpan().SequenceEqual(raw.RawId) || credential.Id != Base64Url.EncodeToString(raw.RawId))
        {
            throw new PasskeyRejectedException("the credential id differs from the attested one");
        }

        return new VerifiedPasskey(registered.Id, registered.PublicKey, registered.SignCount);
    }

    public PasskeyCeremonyStart<RequestOptions> StartLogin()
    {
        var options = fido2.GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [],
            UserVerification = UserVerificationRequirement.Preferred,
        });
        var forBrowser = new RequestOptions(
            Base64Url.EncodeToString(options.Challenge), (long)options.Timeout, configuration.RPID, UserVerification);
        return new(forBrowser, options.Challenge, options.ToJson());
    }

    public async Task<uint> VerifyLoginAsync(
        string state, AuthenticationCredential credential, Passkey passkey, CancellationToken cancellationToken)
    {
        var response = credential.Response!;

        // No allow-list was sent, so the account is known only from the credential: the user handle
        // the authenticator keeps with it must be there and must name the credential's owner.
        if (response.UserHandle is null)
        {
            throw new PasskeyRejectedException("no user handle");
        }

        var raw = new AuthenticatorAssertionRawResponse
        {
            Id = credential.Id!,
            RawId = Base64Url.DecodeFromChars(credential.RawId),
            Type = PublicKeyCredentialType.PublicKey,
            Response = new AuthenticatorAssertionRawResponse.AssertionResponse
            {
                AuthenticatorData = Base64Url.DecodeFromChars(response.AuthenticatorData),
                Signature = Base64Url.DecodeFromChars(response.Signature),
                ClientDataJson = Base64Url.DecodeFromChars(response.ClientDataJson),
                UserHandle = Base64Url.DecodeFromChars(response.UserHandle),
            },
            ClientExtensionResults = new AuthenticationExtensionsClientOutputs(),
        };
        var owner = UserHandle(passkey.UserId);
        var verified = await VerifyAsync(() => fido2.MakeAssertionAsync(
            new MakeAssertionParams
            {
                AssertionResponse = raw,
                OriginalOptions = AssertionOptions.FromJson(state),
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = (uint)passkey.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (p, _) => Task.FromResult(p.UserHandle.AsSpan().SequenceEqual(owner)),
            },
            cancellationToken));
        return verified.SignCount;
    }

    public byte[]? ChallengeOf(string clientDataJson)
    {
        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(clientDataJson));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("challenge", out var challenge)
                && challenge.ValueKind == JsonValueKind.String
                && Base64Url.IsValid(challenge.GetString().AsSpan())
                ? Base64Url.DecodeFromChars(challenge.GetString())
                : null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The user handle: the account id's 16 bytes, which say nothing about the person.</summary>
    private static byte[] UserHandle(Guid userId) => userId.ToByteArray(bigEndian: true);

    /// <summary>
    /// The library parses attacker-chosen bytes (CBOR, COSE keys, DER signatures): whatever it throws
    /// on them means the response is not verified, not that the server failed.
    /// </summary>
    private static async Task<T> VerifyAsync<T>(Func<Task<T>> verify)
    {
        try
        {
            return await verify();
        }
        catch (Fido2VerificationException ex)
        {
            throw new PasskeyRejectedException(ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new PasskeyRejectedException($"malformed response ({ex.GetType().Name})");
        }
    }
}
