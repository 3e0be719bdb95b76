using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ShopEase.Domain.Users;
using ShopEase.Infrastructure.Security;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>Hashes of <see cref="ApiClientExtensions.DefaultPassword"/> as another setting would have stored them.</summary>
public static class PasswordHashes
{
    /// <summary>ASP.NET Core Identity's v3 format: PBKDF2-HMAC-SHA512.</summary>
    public static string Pbkdf2(int iterations) =>
        new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = iterations }))
            .HashPassword(null!, ApiClientExtensions.DefaultPassword);

    /// <summary>libsodium's <c>$argon2id$</c> string.</summary>
    public static string Argon2id(int memoryKiB, int iterations) =>
        new Argon2idPasswordHashAlgorithm(new Argon2Options { MemoryKiB = memoryKiB, Iterations = iterations })
            .Hash(ApiClientExtensions.DefaultPassword);
}
