using FluentValidation;

namespace ShopEase.Application.Mfa.Commands.RegenerateRecoveryCodes;

public sealed class RegenerateRecoveryCodesCommandValidator : AbstractValidator<RegenerateRecoveryCodesCommand>
{
    public RegenerateRecoveryCodesCommandValidator()
    {
        RuleFor(c => c.Password).Must(p => !string.IsNullOrEmpty(p)).WithMessage("Password is required.");
        RuleFor(c => c.Code).NotEmpty().WithMessage("Code is required.");
    }
}
