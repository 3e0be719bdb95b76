using FluentValidation;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Options;
using ShopEase.Application.Common.Validation;
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

    /// <summary>No account has this email yet; the unique index still has the last word on a race.</summary>
    public static IRuleBuilderOptions<T, string> NotTaken<T>(this IRuleBuilderOptions<T, string> rule, IUserRepository users) =>
        rule.MustAsync(async (email, ct) => !await users.EmailExistsAsync(EmailAddress.Normalize(email), ct))
            .WithMessage(EmailAlreadyExists);

    public static IRuleBuilderOptions<T, string> ValidPassword<T>(
        this IRuleBuilderInitial<T, string> rule, PasswordPolicyOptions policy) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(p => !string.IsNullOrEmpty(p)).WithMessage("Password is required.")
            .Must(IsWellFormedUnicode).WithMessage("Password contains invalid characters.")
            .Must(p => CodePoints(p) >= policy.MinLength)
                .WithMessage($"Password must be at least {policy.MinLength} characters.")
            .Must(p => CodePoints(p) <= policy.MaxLength)
                .WithMessage($"Password must be at most {policy.MaxLength} characters.");

    /// <summary>
    /// Not one of the most common passwords, and not built on the email's name (<c>ann</c> in
    /// <c>ann@shop.io</c>): the first guesses of anyone who knows the account.
    /// </summary>
    public static IRuleBuilderOptions<T, string> NotGuessable<T>(
        this IRuleBuilderOptions<T, string> rule, ICommonPasswords commonPasswords, Func<T, string?> email) =>
        rule.Must(p => !commonPasswords.IsCommon(p))
                .WithMessage("This password is too common; choose one that is harder to guess.")
            .Must((command, p) => !ContainsEmailName(p, email(command)))
                .WithMessage("Password must not contain the email address's name.");

    public static bool ContainsEmailName(string password, string? email)
    {
        var at = email?.Trim().IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (at <= 0)
        {
            return false;
        }

        var name = email!.Trim()[..at];

        // A name of one or two letters is in half of all passwords; only equality counts then.
        return name.Length >= 3
            ? password.Contains(name, StringComparison.OrdinalIgnoreCase)
            : password.Equals(name, StringComparison.OrdinalIgnoreCase);
    }

    private static int CodePoints(string value) => value.EnumerateRunes().Count();

    // A lone surrogate would be hashed as U+FFFD, letting two different passwords collide.
    private static bool IsWellFormedUnicode(string value) => TextRules.IsWellFormedUnicode(value);
}
