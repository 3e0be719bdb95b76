using FluentValidation;
using ShopEase.Application.Auth.Validation;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Application.Email.Commands.ChangeEmail;

public sealed class ChangeEmailCommandValidator : AbstractValidator<ChangeEmailCommand>
{
    public ChangeEmailCommandValidator(IUserRepository users)
    {
        RuleFor(c => c.NewEmail).ValidEmail().NotTaken(users);
        RuleFor(c => c.Password).Must(p => !string.IsNullOrEmpty(p)).WithMessage("Password is required.");
    }
}
