using System.Text;
using FluentValidation;
using ShopEase.Application.Common.Options;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Auth.Validation;

/// <summary>The email and password rules every command that creates or changes credentials shares.</summary>
public static class AccountRules
{
    public const string EmailAlreadyExists = "Email already exists";

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Email is required.")
            .Must(EmailAddress.IsWellFormed).WithMessage("Enter a valid email address.");

    public static IRuleBuilderOptions<T, string> ValidPassword<T>(
        this IRuleBuilderInitial<T, string> rule, PasswordPolicyOptions policy) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(p => !string.IsNullOrEmpty(p)).WithMessage("Password is required.")
            .Must(IsWellFormedUnicode).WithMessage("Password contains invalid characters.")
            .Must(p => CodePoints(p) >= policy.MinLength)
                .WithMessage($"Password must be at least {policy.MinLength} characters.")
            .Must(p => CodePoints(p) <= policy.MaxLength)
                .WithMessage($"Password must be at most {policy.MaxLength} characters.");

    private static int CodePoints(string value) => value.EnumerateRunes().Count();

    // A lone surrogate would be hashed as U+FFFD, letting two different passwords collide.
    private static bool IsWellFormedUnicode(string value)
    {
        var remaining = value.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            remaining = remaining[consumed..];
        }

        return true;
    }
}
