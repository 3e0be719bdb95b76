using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Passwords;

/// <summary>
/// The 10,000 most common passwords, from the ranked list zxcvbn ships (built from leaked-password
/// frequency data), read from the package's embedded resource: no network, no list typed by hand.
/// </summary>
internal sealed class CommonPasswordList : ICommonPasswords
{
    public const int Size = 10_000;
    private const string ResourceName = "zxcvbn-core.Dictionaries.passwords.lst";

    private readonly Lazy<HashSet<string>> _passwords = new(Load);

    public bool IsCommon(string password) => _passwords.Value.Contains(password.ToLowerInvariant());

    private static HashSet<string> Load()
    {
        using var stream = typeof(Zxcvbn.Zxcvbn).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The zxcvbn-core package no longer carries {ResourceName}.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (passwords.Count < Size && reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line.Trim().ToLowerInvariant());
            }
        }

        return passwords;
    }
}
