using FluentValidation;

namespace ShopEase.Application.Mfa.Commands.DisableTotp;

public sealed class DisableTotpCommandValidator : AbstractValidator<DisableTotpCommand>
{
    public DisableTotpCommandValidator()
    {
        RuleFor(c => c.Password).Must(p => !string.IsNullOrEmpty(p)).WithMessage("Password is required.");
        RuleFor(c => c.Code).NotEmpty().WithMessage("Code is required.");
    }
}
