using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ShopEase.Infrastructure.Security;

/// <summary>The HS256 secret and the <c>kid</c> derived from it, so a new key gets a new id.</summary>
public static class SigningKey
{
    public const int MinimumBytes = 32;

    public static SymmetricSecurityKey Create(string? base64Secret)
    {
        if (!TryDecode(base64Secret, out var bytes, out var problem))
        {
            throw new InvalidOperationException(problem);
        }

        var kid = Base64Url.EncodeToString(SHA256.HashData(bytes).AsSpan(0, 12));
        return new SymmetricSecurityKey(bytes) { KeyId = kid };
    }

    /// <summary>A fresh secret for a development machine; production keys come from configuration.</summary>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumBytes));

    public static bool TryDecode(string? base64Secret, out byte[] bytes, out string problem) =>
        TryDecode(base64Secret, $"{JwtOptions.SectionName}:{nameof(JwtOptions.SigningKey)}", out bytes, out problem);

    /// <summary>Reads a base64 secret of at least 256 bits; <paramref name="setting"/> names it in the problem.</summary>
    public static bool TryDecode(string? base64Secret, string setting, out byte[] bytes, out string problem)
    {
        bytes = [];
        problem = string.Empty;
        var howTo = $"Set {setting} (environment: {setting.Replace(":", "__", StringComparison.Ordinal)}) to a base64 secret of at least 256 bits, e.g. the output of `openssl rand -base64 32`.";
        if (string.IsNullOrWhiteSpace(base64Secret))
        {
            problem = $"{setting} is missing. " + howTo;
            return false;
        }

        try
        {
            bytes = Convert.FromBase64String(base64Secret.Trim());
        }
        catch (FormatException)
        {
            problem = $"{setting} is not valid base64. " + howTo;
            return false;
        }

        if (bytes.Length < MinimumBytes)
        {
            problem = $"{setting} is {bytes.Length * 8} bits, too weak. " + howTo;
            return false;
        }

        return true;
    }
}
