using System.Security.Cryptography;
using System.Text;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Security;

/// <summary>
/// Argon2id through libsodium (Geralt), stored as the PHC string libsodium writes:
/// <c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>, with a random 128-bit salt and a 256-bit hash.
/// </summary>
internal sealed class Argon2idPasswordHashAlgorithm(Argon2Options options) : IPasswordHashAlgorithm
{
    private const string Prefix = "$argon2id$";

    public static bool Wrote(string passwordHash) => passwordHash.StartsWith(Prefix, StringComparison.Ordinal);

    public string Hash(string password)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        try
        {
            Span<char> hash = stackalloc char[Geralt.Argon2id.HashSize];
            Geralt.Argon2id.ComputeHash(hash, bytes, options.Iterations, options.MemoryBytes);

            // libsodium fills a fixed-size buffer with a NUL-terminated string.
            var end = hash.IndexOf('\0');
            return new string(end < 0 ? hash : hash[..end]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>libsodium asks for a rehash when the memory or pass count differs from the settings, either way.</summary>
    public PasswordCheck Verify(string passwordHash, string password)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        try
        {
            if (!Geralt.Argon2id.VerifyHash(passwordHash, bytes))
            {
                return PasswordCheck.Failed;
            }

            return Geralt.Argon2id.NeedsRehash(passwordHash, options.Iterations, options.MemoryBytes)
                ? PasswordCheck.SucceededRehashNeeded
                : PasswordCheck.Succeeded;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            // Not a string libsodium can read (damaged, or too long): no password matches it.
            return PasswordCheck.Failed;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
