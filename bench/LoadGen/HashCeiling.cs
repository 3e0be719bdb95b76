using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using ShopEase.Infrastructure.Security;

namespace ShopEase.LoadGen;

/// <summary>
/// The most logins or sign-ups per second this machine could do if the password hash were all they
/// cost: the API's own hashing algorithm class (src/Infrastructure/Security), configured from the same
/// <c>Passwords__*</c> environment variables bench/run.sh gives the API, so it measures the configured hasher.
/// </summary>
internal sealed class HashCeiling
{
    private readonly IPasswordHashAlgorithm _algorithm;

    private HashCeiling(PasswordHashingOptions settings)
    {
        if (settings.UsesArgon2id)
        {
            _algorithm = new Argon2idPasswordHashAlgorithm(settings.Argon2);
            Algorithm = PasswordHashingOptions.Argon2id;
            Parameters = string.Create(CultureInfo.InvariantCulture,
                $"m={settings.Argon2.MemoryKiB},t={settings.Argon2.Iterations},p={settings.Argon2.Parallelism}");
        }
        else
        {
            _algorithm = new Pbkdf2PasswordHashAlgorithm(settings.Iterations);
            Algorithm = PasswordHashingOptions.Pbkdf2;
            Parameters = string.Create(CultureInfo.InvariantCulture, $"HMAC-SHA512,i={settings.Iterations}");
        }
    }

    /// <summary><c>argon2id</c> or <c>pbkdf2</c>, as in <c>Passwords__Algorithm</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The cost, in the notation of the PHC string: <c>m=19456,t=2,p=1</c> (or <c>HMAC-SHA512,i=210000</c>).</summary>
    public string Parameters { get; }

    public static HashCeiling FromEnvironment()
    {
        var section = new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(PasswordHashingOptions.SectionName);
        return new HashCeiling(section.Get<PasswordHashingOptions>() ?? new PasswordHashingOptions());
    }

    public HashSample Measure(int sequentialHashes, TimeSpan parallelTime)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        _algorithm.Hash(password);

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < sequentialHashes; i++)
        {
            _algorithm.Hash(password);
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
                _algorithm.Hash(password);
                Interlocked.Increment(ref hashes);
            }
        });
        var hashesPerSecond = hashes / Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new HashSample(msPerHash, hashesPerSecond);
    }
}

internal readonly record struct HashSample(double MsPerHash, double HashesPerSecond);
