using ShopEase.Infrastructure.Security;

namespace ShopEase.Web.Configuration;

/// <summary>
/// In Development only: when no signing key is configured, one is generated on first run and kept in
/// the user's profile, outside the repository, so tokens survive restarts. Everywhere else a missing
/// key stops the app at start.
/// </summary>
public static class DevelopmentSigningKey
{
    public static WebApplicationBuilder AddDevelopmentSigningKey(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            return builder;
        }

        var algorithm = builder.Configuration["Jwt:Algorithm"] ?? SigningAlgorithms.Hs256;
        if (SigningAlgorithms.IsAsymmetric(algorithm))
        {
            return builder.AddDevelopmentKeyFile(algorithm);
        }

        var configured = builder.Configuration[$"{JwtOptions.SectionName}:{nameof(JwtOptions.SigningKey)}"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return builder;
        }

        var path = builder.Configuration["Jwt:DevelopmentKeyFile"] ?? DefaultPath("development-signing.key");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{JwtOptions.SectionName}:{nameof(JwtOptions.SigningKey)}"] = ReadOrCreateSecret(path),
        });
        return builder;
    }

    private static WebApplicationBuilder AddDevelopmentKeyFile(this WebApplicationBuilder builder, string algorithm)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Jwt:KeyFiles:0"]))
        {
            return builder;
        }

        var path = builder.Configuration["Jwt:DevelopmentKeyFile"]
            ?? DefaultPath($"development-{algorithm.ToLowerInvariant()}.pem");
        if (!File.Exists(path))
        {
            AsymmetricKeyFile.Generate(algorithm, path);
        }

        var settings = new Dictionary<string, string?> { ["Jwt:KeyFiles:0"] = path };

        // No shared secret to derive the CSRF key from: keep one beside the key file.
        if (string.IsNullOrWhiteSpace(builder.Configuration["Browser:CsrfKey"]))
        {
            settings["Browser:CsrfKey"] = ReadOrCreateSecret(Path.ChangeExtension(path, ".csrf.key"));
        }

        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    /// <summary>The 256-bit secret kept in <paramref name="path"/>, generated there on first run.</summary>
    internal static string ReadOrCreateSecret(string path)
    {
        if (!File.Exists(path))
        {
            try
            {
                SecretFile.WriteOwnerOnly(path, SigningKey.Generate());
            }
            catch (IOException) when (File.Exists(path))
            {
                // A second process started at the same moment wrote it first; both use that one.
            }
        }

        return File.ReadAllText(path).Trim();
    }

    internal static string DefaultPath(string fileName) =>
        Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "ShopEase",
            fileName);
}
