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

    public static bool TryDecode(string? base64Secret, out byte[] bytes, out string problem)
    {
        bytes = [];
        problem = string.Empty;
        const string howTo = "Set Jwt:SigningKey (environment: Jwt__SigningKey) to a base64 secret of at least 256 bits, e.g. the output of `openssl rand -base64 32`.";
        if (string.IsNullOrWhiteSpace(base64Secret))
        {
            problem = "Jwt:SigningKey is missing. " + howTo;
            return false;
        }

        try
        {
            bytes = Convert.FromBase64String(base64Secret.Trim());
        }
        catch (FormatException)
        {
            problem = "Jwt:SigningKey is not valid base64. " + howTo;
            return false;
        }

        if (bytes.Length < MinimumBytes)
        {
            problem = $"Jwt:SigningKey is {bytes.Length * 8} bits, too weak. " + howTo;
            return false;
        }

        return true;
    }
}
