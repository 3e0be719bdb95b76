using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Security;

/// <summary>One password hashing algorithm at its configured cost. Synchronous: it is the CPU work the gate rations.</summary>
internal interface IPasswordHashAlgorithm
{
    string Hash(string password);

    /// <summary><see cref="PasswordCheck.SucceededRehashNeeded"/> when the hash was made at another cost than the configured one.</summary>
    PasswordCheck Verify(string passwordHash, string password);
}
