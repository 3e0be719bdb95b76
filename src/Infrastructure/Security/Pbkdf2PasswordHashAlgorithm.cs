using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Users;

namespace ShopEase.Infrastructure.Security;

/// <summary>ASP.NET Core Identity's PBKDF2-HMAC-SHA512 (format v3), at the configured iteration count.</summary>
internal sealed class Pbkdf2PasswordHashAlgorithm(int iterations) : IPasswordHashAlgorithm
{
    private readonly PasswordHasher<User> _hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = iterations,
    }));

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    /// <summary>Identity asks for a rehash when the stored hash is weaker: fewer iterations or an older PRF.</summary>
    public PasswordCheck Verify(string passwordHash, string password) =>
        _hasher.VerifyHashedPassword(null!, passwordHash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Succeeded,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SucceededRehashNeeded,
            _ => PasswordCheck.Failed,
        };
}
