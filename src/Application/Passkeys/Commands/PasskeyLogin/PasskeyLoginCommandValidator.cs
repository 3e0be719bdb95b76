using FluentValidation;

namespace ShopEase.Application.Passkeys.Commands.PasskeyLogin;

/// <summary>The shape of the credential only; what it proves is the relying party's to check.</summary>
public sealed class PasskeyLoginCommandValidator : AbstractValidator<PasskeyLoginCommand>
{
    public PasskeyLoginCommandValidator()
    {
        RuleFor(c => c.FlowId).NotEmpty().WithMessage("flowId is required: send the one login/options gave.");
        RuleFor(c => c.Credential)
            .Must(c => c is { Type: "public-key", Response: { } response }
                && !string.IsNullOrEmpty(c.Id)
                && PasskeyRules.IsBase64Url(c.RawId)
                && PasskeyRules.IsBase64Url(response.ClientDataJson)
                && PasskeyRules.IsBase64Url(response.AuthenticatorData)
                && PasskeyRules.IsBase64Url(response.Signature)
                && (response.UserHandle is null || PasskeyRules.IsBase64Url(response.UserHandle)))
            .WithMessage("Send the PublicKeyCredential of navigator.credentials.get(), as its toJSON() gives it.");
    }
}
