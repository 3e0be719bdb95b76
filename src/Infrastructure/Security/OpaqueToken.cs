using System.Buffers.Text;
using System.Security.Cryptography;

namespace ShopEase.Infrastructure.Security;

/// <summary>Refresh tokens: 256 random bits in base64url; only their SHA-256 is ever stored.</summary>
internal static class OpaqueToken
{
    private const int ByteLength = 32;

    public static (string Token, byte[] Hash) Create()
    {
        Span<byte> secret = stackalloc byte[ByteLength];
        RandomNumberGenerator.Fill(secret);
        return (Base64Url.EncodeToString(secret), SHA256.HashData(secret));
    }

    /// <returns><c>false</c> for anything that cannot be one of our tokens, without a database round trip.</returns>
    public static bool TryHash(string token, out byte[] hash)
    {
        hash = [];
        Span<byte> secret = stackalloc byte[ByteLength + 3];
        if (token.Length != Base64Url.GetEncodedLength(ByteLength)
            || !Base64Url.TryDecodeFromChars(token, secret, out var written)
            || written != ByteLength)
        {
            return false;
        }

        hash = SHA256.HashData(secret[..ByteLength]);
        return true;
    }
}
