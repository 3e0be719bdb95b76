using System.Buffers;
using System.Text;
using FluentValidation;

namespace ShopEase.Application.Common.Validation;

/// <summary>
/// Free text that ends up in PostgreSQL, or is compared with what is there: no NUL or other control
/// character (PostgreSQL text cannot hold a NUL), and no lone surrogate (half a character, which cannot
/// be written as UTF-8 at all).
/// </summary>
public static class TextRules
{
    public const string NotTextMessage = "Must be text without control characters.";

    public static IRuleBuilderOptions<T, string?> StorableText<T>(this IRuleBuilder<T, string?> rule, bool allowLineBreaks = false) =>
        rule.Must(value => value is null || IsStorable(value, allowLineBreaks)).WithMessage(NotTextMessage);

    public static bool IsStorable(string value, bool allowLineBreaks = false) =>
        IsWellFormedUnicode(value)
        && value.All(c => !char.IsControl(c) || (allowLineBreaks && c is '\n' or '\r' or '\t'));

    /// <summary>Every UTF-16 unit is part of a whole character: no lone surrogate.</summary>
    public static bool IsWellFormedUnicode(string value)
    {
        var remaining = value.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            remaining = remaining[consumed..];
        }

        return true;
    }
}
