using FluentValidation;

namespace ShopEase.Application.Passkeys.Commands.RegisterPasskey;

/// <summary>The shape of the credential only; what it proves is the relying party's to check.</summary>
public sealed class RegisterPasskeyCommandValidator : AbstractValidator<RegisterPasskeyCommand>
{
    public const string NotARegistration =
        "Send the PublicKeyCredential of navigator.credentials.create(), as its toJSON() gives it.";

    public RegisterPasskeyCommandValidator()
    {
        RuleFor(c => c.Credential)
            .Must(c => c is { Type: "public-key", Response: { } response }
                && !string.IsNullOrEmpty(c.Id)
                && PasskeyRules.IsBase64Url(c.RawId)
                && PasskeyRules.IsBase64Url(response.ClientDataJson)
                && PasskeyRules.IsBase64Url(response.AttestationObject))
            .WithMessage(NotARegistration);
        RuleFor(c => c.Name).ValidPasskeyName();
    }
}
