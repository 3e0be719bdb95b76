using FluentValidation;
using Microsoft.Extensions.Options;
using ShopEase.Application.Auth.Validation;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Options;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Email.Commands.ResetPassword;

/// <summary>The sign-up rules for the new password; the email its name may not contain is the token's.</summary>
public sealed class ResetPasswordCommandValidator : AbstractValidator<ResetPasswordCommand>
{
    private static readonly EmailTokenPurpose[] Purposes = [EmailTokenPurpose.ResetPassword];

    public ResetPasswordCommandValidator(
        IOptions<PasswordPolicyOptions> passwordPolicy,
        ICommonPasswords commonPasswords,
        IEmailTokenStore tokens,
        TimeProvider timeProvider)
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage("Token is required.");
        RuleFor(c => c.NewPassword)
            .ValidPassword(passwordPolicy.Value)
            .Must(p => !commonPasswords.IsCommon(p))
                .WithMessage("This password is too common; choose one that is harder to guess.")
            .MustAsync(async (command, p, ct) => !AccountRules.ContainsEmailName(
                p, (await tokens.FindLiveAsync(command.Token ?? string.Empty, Purposes, timeProvider.GetUtcNow(), ct))?.Email))
                .WithMessage("Password must not contain the email address's name.");
    }
}
