using FluentValidation;
using ShopEase.Application.Auth.Validation;

namespace ShopEase.Application.Email.Commands.ForgotPassword;

/// <summary>The form of the email only: whether an account has it is never looked up here.</summary>
public sealed class ForgotPasswordCommandValidator : AbstractValidator<ForgotPasswordCommand>
{
    public ForgotPasswordCommandValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
    }
}
