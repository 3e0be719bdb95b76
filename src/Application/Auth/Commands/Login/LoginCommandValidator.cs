using FluentValidation;

namespace ShopEase.Application.Auth.Commands.Login;

/// <summary>Only presence: a malformed email simply matches no account.</summary>
public sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("Email is required.");
        // Any characters count, spaces included: only a missing password is refused here.
        RuleFor(c => c.Password).Must(p => !string.IsNullOrEmpty(p)).WithMessage("Password is required.");
    }
}
