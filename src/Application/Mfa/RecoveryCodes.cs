using System.Security.Cryptography;

namespace ShopEase.Application.Mfa;

/// <summary>
/// Recovery codes: 10 per account, each 10 random base32 characters (50 bits) shown as
/// <c>abcde-fghij</c>. They are typed by hand, so case, spaces and hyphens do not matter.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;
    private const int Length = 10;

    // RFC 4648 base32: no 0, 1, 8 or 9, so nothing reads as O, I, B or g.
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <returns>The codes as shown to the user, once.</returns>
    public static IReadOnlyList<string> Generate() =>
        Enumerable.Range(0, Count)
            .Select(_ =>
            {
                var code = RandomNumberGenerator.GetString(Alphabet, Length).ToLowerInvariant();
                return $"{code[..(Length / 2)]}-{code[(Length / 2)..]}";
            })
            .ToList();

    /// <returns>The code as it is hashed and stored, or <c>null</c> when it cannot be one of ours.</returns>
    public static string? Normalize(string code)
    {
        var normalized = new string(code.Where(c => c is not ('-' or ' ')).ToArray()).ToUpperInvariant();
        return normalized.Length == Length && normalized.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? normalized : null;
    }
}
