using System.Globalization;
using Microsoft.Extensions.Options;

namespace ShopEase.Infrastructure.Security;

/// <summary>Stops the app at start, naming the key, when a hashing setting is below the floor or unusable.</summary>
internal sealed class PasswordHashingOptionsValidator : IValidateOptions<PasswordHashingOptions>
{
    public ValidateOptionsResult Validate(string? name, PasswordHashingOptions options)
    {
        var failures = new List<string>();
        if (!string.Equals(options.Algorithm, PasswordHashingOptions.Argon2id, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.Algorithm, PasswordHashingOptions.Pbkdf2, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Passwords:Algorithm must be {PasswordHashingOptions.Argon2id} or {PasswordHashingOptions.Pbkdf2}, not '{options.Algorithm}'.");
        }

        if (options.Iterations < PasswordHashingOptions.MinimumIterations)
        {
            failures.Add(Invariant($"Passwords:Iterations must be at least {PasswordHashingOptions.MinimumIterations:N0} (PBKDF2-HMAC-SHA512)."));
        }

        var argon2 = options.Argon2;
        if (!argon2.MeetsOwaspMinimum)
        {
            var minimums = string.Join(", ", Argon2Options.OwaspMinimums.Select(m => Invariant($"{m.MemoryKiB}/{m.Iterations}")));
            failures.Add(Invariant(
                $"Passwords:Argon2 (MemoryKiB {argon2.MemoryKiB}, Iterations {argon2.Iterations}) is below OWASP's minimum for Argon2id: MemoryKiB/Iterations must reach one of {minimums} in both."));
        }

        if (argon2.MemoryKiB > Argon2Options.MaximumMemoryKiB)
        {
            failures.Add(Invariant($"Passwords:Argon2:MemoryKiB must be at most {Argon2Options.MaximumMemoryKiB}."));
        }

        if (argon2.Parallelism != 1)
        {
            failures.Add("Passwords:Argon2:Parallelism must be 1: libsodium computes Argon2id in one lane.");
        }

        if (options.MaxConcurrentHashes < 1)
        {
            failures.Add("Passwords:MaxConcurrentHashes must be at least 1.");
        }

        if (options.MaxQueuedHashes < 0)
        {
            failures.Add("Passwords:MaxQueuedHashes must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
