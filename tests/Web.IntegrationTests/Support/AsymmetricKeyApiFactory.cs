using ShopEase.Infrastructure.Security;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>The app signing with ES256 or RS256 keys from PEM files of the test's own.</summary>
public abstract class AsymmetricKeyApiFactory : ShopEaseApiFactory
{
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), $"shopease-keys-{Guid.NewGuid():N}");

    protected AsymmetricKeyApiFactory(string algorithm)
    {
        Algorithm = algorithm;
        KeyFile = NewKeyFile();
    }

    public string Algorithm { get; }

    public string KeyFile { get; }

    /// <summary>With an asymmetric algorithm there is no shared secret to derive the CSRF key from.</summary>
    public string CsrfKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public string NewKeyFile()
    {
        var path = Path.Combine(_keyDirectory, $"{Guid.NewGuid():N}.pem");
        AsymmetricKeyFile.Generate(Algorithm, path);
        return path;
    }

    public IReadOnlyDictionary<string, string?> SettingsFor(params string[] keyFiles)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jwt:Algorithm"] = Algorithm,
            ["Browser:CsrfKey"] = CsrfKey,
        };
        for (var i = 0; i < keyFiles.Length; i++)
        {
            settings[$"Jwt:KeyFiles:{i}"] = keyFiles[i];
        }

        return settings;
    }

    protected override IReadOnlyDictionary<string, string?> Settings => SettingsFor(KeyFile);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_keyDirectory))
        {
            Directory.Delete(_keyDirectory, recursive: true);
        }
    }
}

public sealed class Es256ApiFactory() : AsymmetricKeyApiFactory(SigningAlgorithms.Es256);

public sealed class Rs256ApiFactory() : AsymmetricKeyApiFactory(SigningAlgorithms.Rs256);
