namespace ShopEase.Infrastructure.Security;

/// <summary>Argon2id cost (section <c>Passwords:Argon2</c>). The defaults are OWASP's first minimum configuration.</summary>
public sealed class Argon2Options
{
    /// <summary>libsodium takes the memory cost in bytes as an int: 2 GiB less 1 KiB at most.</summary>
    public const int MaximumMemoryKiB = int.MaxValue / 1024;

    /// <summary>
    /// OWASP Password Storage Cheat Sheet: five Argon2id configurations of equal strength, each
    /// (memory in KiB, passes) with one lane. A setting must reach one of them in both.
    /// </summary>
    public static readonly IReadOnlyList<(int MemoryKiB, int Iterations)> OwaspMinimums =
        [(47_104, 1), (19_456, 2), (12_288, 3), (9_216, 4), (7_168, 5)];

    public int MemoryKiB { get; set; } = 19_456;

    public int Iterations { get; set; } = 2;

    /// <summary>Lanes. libsodium computes Argon2id in one lane, so 1 is the only value it can honour.</summary>
    public int Parallelism { get; set; } = 1;

    public bool MeetsOwaspMinimum => OwaspMinimums.Any(m => MemoryKiB >= m.MemoryKiB && Iterations >= m.Iterations);

    public int MemoryBytes => MemoryKiB * 1024;
}
