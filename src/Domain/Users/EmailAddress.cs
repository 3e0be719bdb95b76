namespace ShopEase.Domain.Users;

/// <summary>The contract's rules for what an email is and when two are the same account.</summary>
public static class EmailAddress
{
    public const int MaxLength = 254;
    public const int MaxLocalPartLength = 64;

    /// <summary>Trimmed and lower-cased: <c>" Ann@Shop.io "</c> and <c>"ann@shop.io"</c> are one account.</summary>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    /// <summary>
    /// One <c>@</c>, a local part of 1 to 64 characters, a dotted domain without empty labels,
    /// no white space, control, invisible format characters or lone surrogates, at most 254 characters once trimmed.
    /// </summary>
    public static bool IsWellFormed(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var candidate = email.Trim();
        if (candidate.Length is 0 or > MaxLength)
        {
            return false;
        }

        for (var i = 0; i < candidate.Length; i++)
        {
            var c = candidate[i];

            // Invisible format characters (zero-width space, BOM) would make look-alike accounts;
            // a lone surrogate is not text at all.
            if (char.IsWhiteSpace(c) || char.IsControl(c)
                || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format
                || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(candidate[i - 1])))
                || (char.IsHighSurrogate(c) && (i + 1 == candidate.Length || !char.IsLowSurrogate(candidate[i + 1]))))
            {
                return false;
            }
        }

        var at = candidate.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != candidate.LastIndexOf('@') || at > MaxLocalPartLength)
        {
            return false;
        }

        var domain = candidate[(at + 1)..];
        return domain.Contains('.', StringComparison.Ordinal)
            && domain.Split('.').All(label => label.Length > 0);
    }
}
