using FluentValidation;
using ShopEase.Domain.Passkeys;

namespace ShopEase.Application.Passkeys;

/// <summary>Rules that registration and rename share.</summary>
public static class PasskeyRules
{
    public const string NameTooLong = "A passkey name has at most 64 characters.";
    public const string NameHasControlCharacters = "A passkey name must not contain control characters.";

    public static IRuleBuilderOptions<T, string?> ValidPasskeyName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => n is null || n.Trim().EnumerateRunes().Count() <= Passkey.MaxNameLength).WithMessage(NameTooLong)
            .Must(n => n is null || !n.Any(char.IsControl)).WithMessage(NameHasControlCharacters);

    public static bool IsBase64Url(string? value) =>
        !string.IsNullOrEmpty(value) && System.Buffers.Text.Base64Url.IsValid(value.AsSpan());
}
