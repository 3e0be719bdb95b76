using FluentValidation;

namespace ShopEase.Application.Email.Commands.VerifyEmail;

public sealed class VerifyEmailCommandValidator : AbstractValidator<VerifyEmailCommand>
{
    public VerifyEmailCommandValidator()
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage("Token is required.");
    }
}
