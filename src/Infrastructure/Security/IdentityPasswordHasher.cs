using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Users;
using ShopEase.Infrastructure.Metrics;

namespace ShopEase.Infrastructure.Security;

/// <summary>ASP.NET Core Identity's PBKDF2-HMAC-SHA512 (format v3), at the configured iteration count.</summary>
internal sealed class IdentityPasswordHasher : Application.Common.Abstractions.IPasswordHasher
{
    private readonly PasswordHasher<User> _hasher;
    private readonly ShopMetrics _metrics;
    private readonly string _dummyHash;

    public IdentityPasswordHasher(IOptions<PasswordHashingOptions> options, ShopMetrics metrics)
    {
        _metrics = metrics;
        _hasher = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.Value.Iterations,
        }));
        // Made up front, so the first unknown-email login costs one hash like every later one.
        _dummyHash = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
    }

    public string Hash(string password)
    {
        using var _ = _metrics.StartHash();
        return _hasher.HashPassword(null!, password);
    }

    public PasswordCheck Verify(string passwordHash, string password)
    {
        using var _ = _metrics.StartHash();
        return _hasher.VerifyHashedPassword(null!, passwordHash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Succeeded,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SucceededRehashNeeded,
            _ => PasswordCheck.Failed,
        };
    }

    public PasswordCheck VerifyAgainstDummyHash(string password)
    {
        Verify(_dummyHash, password);
        return PasswordCheck.Failed;
    }
}
