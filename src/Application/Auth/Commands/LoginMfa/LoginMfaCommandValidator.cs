using FluentValidation;

namespace ShopEase.Application.Auth.Commands.LoginMfa;

/// <summary>Only presence: a malformed token or code is simply not a valid one.</summary>
public sealed class LoginMfaCommandValidator : AbstractValidator<LoginMfaCommand>
{
    public LoginMfaCommandValidator()
    {
        RuleFor(c => c.MfaToken).NotEmpty().WithMessage("MFA token is required.");
        RuleFor(c => c.Code)
            .Must((command, code) => !string.IsNullOrWhiteSpace(code) || !string.IsNullOrWhiteSpace(command.RecoveryCode))
            .WithMessage("Send the code from your authenticator app, or a recovery code.");
        RuleFor(c => c.RecoveryCode)
            .Must((command, recoveryCode) => recoveryCode is null || command.Code is null)
            .WithMessage("Send either code or recoveryCode, not both.");
    }
}
