namespace ShopEase.Infrastructure.Security;

/// <summary>
/// How passwords are hashed, and how many hashes may run at once. Section <c>Passwords</c>
/// (environment: <c>Passwords__Algorithm</c>, <c>Passwords__Argon2__MemoryKiB</c>, ...); see
/// docs/adr/0003-password-hashing.md.
/// </summary>
public sealed class PasswordHashingOptions
{
    public const string SectionName = "Passwords";

    public const string Argon2id = "argon2id";

    public const string Pbkdf2 = "pbkdf2";

    /// <summary>OWASP's 2023 floor for PBKDF2-HMAC-SHA512.</summary>
    public const int MinimumIterations = 210_000;

    /// <summary>The algorithm of new hashes: <c>argon2id</c> or <c>pbkdf2</c>. Either one's hashes still verify.</summary>
    public string Algorithm { get; set; } = Argon2id;

    /// <summary>PBKDF2-HMAC-SHA512 iterations (kept at the top of the section, where it was before Argon2id).</summary>
    public int Iterations { get; set; } = MinimumIterations;

    public Argon2Options Argon2 { get; set; } = new();

    /// <summary>Hashes that may run at once; each Argon2id hash holds <see cref="Argon2Options.MemoryKiB"/> while it runs.</summary>
    public int MaxConcurrentHashes { get; set; } = Environment.ProcessorCount;

    /// <summary>Hashes that may wait for one of those places; past that, the request is answered 503 at once.</summary>
    public int MaxQueuedHashes { get; set; } = 64;

    public bool UsesArgon2id => string.Equals(Algorithm, Argon2id, StringComparison.OrdinalIgnoreCase);
}
