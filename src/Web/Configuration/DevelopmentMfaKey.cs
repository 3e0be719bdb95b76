using ShopEase.Infrastructure.Security;

namespace ShopEase.Web.Configuration;

/// <summary>
/// In Development only: when no second-factor key is configured, one is generated on first run and kept
/// beside the development signing key, outside the repository, so enrolled authenticators survive
/// restarts. Everywhere else a missing key stops the app at start.
/// </summary>
public static class DevelopmentMfaKey
{
    public static WebApplicationBuilder AddDevelopmentMfaKey(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment() || !string.IsNullOrWhiteSpace(builder.Configuration[MfaKeys.CurrentSetting]))
        {
            return builder;
        }

        var path = builder.Configuration["Mfa:DevelopmentKeyFile"] ?? DevelopmentSigningKey.DefaultPath("development-mfa.key");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [MfaKeys.CurrentSetting] = DevelopmentSigningKey.ReadOrCreateSecret(path),
        });
        return builder;
    }
}
