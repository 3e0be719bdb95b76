namespace ShopEase.Infrastructure.Security;

/// <summary>PBKDF2-HMAC-SHA512 cost. Section <c>Passwords</c> (environment: <c>Passwords__Iterations</c>).</summary>
public sealed class PasswordHashingOptions
{
    public const string SectionName = "Passwords";

    /// <summary>OWASP's 2023 floor for PBKDF2-HMAC-SHA512; see docs/adr/0003-password-hashing.md.</summary>
    public const int MinimumIterations = 210_000;

    public int Iterations { get; set; } = MinimumIterations;
}
