using FluentValidation;

namespace ShopEase.Application.Mfa.Commands.SetupTotp;

public sealed class SetupTotpCommandValidator : AbstractValidator<SetupTotpCommand>
{
    public SetupTotpCommandValidator() =>
        RuleFor(c => c.Password).Must(p => !string.IsNullOrEmpty(p)).WithMessage("Password is required.");
}
