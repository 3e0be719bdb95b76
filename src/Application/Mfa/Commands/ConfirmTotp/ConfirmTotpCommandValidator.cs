using FluentValidation;

namespace ShopEase.Application.Mfa.Commands.ConfirmTotp;

public sealed class ConfirmTotpCommandValidator : AbstractValidator<ConfirmTotpCommand>
{
    public ConfirmTotpCommandValidator() =>
        RuleFor(c => c.Code).NotEmpty().WithMessage("Code is required.");
}
