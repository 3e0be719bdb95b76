using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ShopEase.LoadGen;

/// <summary>
/// The most logins or sign-ups per second this machine could do if the password hash were all they
/// cost: ASP.NET Core Identity's PasswordHasher&lt;T&gt; configured exactly as
/// src/Infrastructure/Security/IdentityPasswordHasher.cs (IdentityV3, PBKDF2-HMAC-SHA512, 210,000 iterations).
/// </summary>
internal static class HashCeiling
{
    public const int Iterations = 210_000;

    private static readonly PasswordHasher<BenchUser> Hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    public static HashSample Measure(int sequentialHashes, TimeSpan parallelTime)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        Hasher.HashPassword(BenchUser.Instance, password);

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < sequentialHashes; i++)
        {
            Hasher.HashPassword(BenchUser.Instance, password);
        }

        var msPerHash = Stopwatch.GetElapsedTime(started).TotalMilliseconds / sequentialHashes;

        // All cores: each worker hashes until the deadline; the time runs until the last hash ends.
        long hashes = 0;
        started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(parallelTime.TotalSeconds * Stopwatch.Frequency);
        Parallel.For(0, Environment.ProcessorCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, _ =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                Hasher.HashPassword(BenchUser.Instance, password);
                Interlocked.Increment(ref hashes);
            }
        });
        var hashesPerSecond = hashes / Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new HashSample(msPerHash, hashesPerSecond);
    }

    private sealed class BenchUser
    {
        public static readonly BenchUser Instance = new();
    }
}

internal readonly record struct HashSample(double MsPerHash, double HashesPerSecond);
