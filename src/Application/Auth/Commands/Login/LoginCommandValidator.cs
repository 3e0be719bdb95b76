using FluentValidation;

namespace ShopEase.Application.Auth.Commands.Login;

/// <summary>Only presence: a malformed email simply matches no account.</summary>
public sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("Email is required.");
        RuleFor(c => c.Password).NotEmpty().WithMessage("Password is required.");
    }
}
