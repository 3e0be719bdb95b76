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
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, SigningKey.Generate());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{JwtOptions.SectionName}:{nameof(JwtOptions.SigningKey)}"] = File.ReadAllText(path).Trim(),
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
            var csrfPath = Path.ChangeExtension(path, ".csrf.key");
            if (!File.Exists(csrfPath))
            {
                File.WriteAllText(csrfPath, SigningKey.Generate());
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(csrfPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            settings["Browser:CsrfKey"] = File.ReadAllText(csrfPath).Trim();
        }

        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    private static string DefaultPath(string fileName) =>
        Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "ShopEase",
            fileName);
}
