using FluentValidation;
using Microsoft.Extensions.Options;
using ShopEase.Application.Auth.Validation;
using ShopEase.Application.Common.Options;

namespace ShopEase.Application.Auth.Commands.ChangePassword;

public sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator(IOptions<PasswordPolicyOptions> passwordPolicy)
    {
        RuleFor(c => c.CurrentPassword).Must(p => !string.IsNullOrEmpty(p)).WithMessage("Current password is required.");
        RuleFor(c => c.NewPassword).ValidPassword(passwordPolicy.Value);
    }
}
