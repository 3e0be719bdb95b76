using FluentValidation;
using Microsoft.Extensions.Options;
using ShopEase.Application.Auth.Validation;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Options;

namespace ShopEase.Application.Auth.Commands.ChangePassword;

public sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator(
        IOptions<PasswordPolicyOptions> passwordPolicy, ICommonPasswords commonPasswords, IUserRepository users)
    {
        RuleFor(c => c.CurrentPassword).Must(p => !string.IsNullOrEmpty(p)).WithMessage("Current password is required.");
        RuleFor(c => c.NewPassword)
            .ValidPassword(passwordPolicy.Value)
            .Must(p => !commonPasswords.IsCommon(p))
                .WithMessage("This password is too common; choose one that is harder to guess.")
            .MustAsync(async (command, p, ct) =>
                !AccountRules.ContainsEmailName(p, (await users.FindByIdAsync(command.UserId, ct))?.Email))
                .WithMessage("Password must not contain the email address's name.");
    }
}
