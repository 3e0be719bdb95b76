using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ShopEase.Infrastructure.Security;

/// <summary>Stops the app at start, with a message that says what to do, when the token settings are unusable.</summary>
internal sealed class JwtOptionsValidator(IHostEnvironment environment) : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add("Jwt:Issuer must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Jwt:Audience must not be empty.");
        }

        if (options.AccessTokenLifetime <= TimeSpan.Zero)
        {
            failures.Add("Jwt:AccessTokenLifetime must be positive.");
        }

        if (!SigningAlgorithms.All.Contains(options.Algorithm))
        {
            failures.Add($"Jwt:Algorithm must be one of {string.Join(", ", SigningAlgorithms.All)}.");
        }
        else if (SigningAlgorithms.IsAsymmetric(options.Algorithm))
        {
            ValidateKeyFiles(options, failures);
        }
        else
        {
            foreach (var secret in options.PreviousSigningKeys.Prepend(options.SigningKey))
            {
                if (!SigningKey.TryDecode(secret, out _, out var problem))
                {
                    failures.Add(problem);
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateKeyFiles(JwtOptions options, List<string> failures)
    {
        if (options.KeyFiles.Count == 0)
        {
            failures.Add($"Jwt:KeyFiles is empty. With Jwt:Algorithm={options.Algorithm}, name at least one PEM private key file (environment: Jwt__KeyFiles__0).");
            return;
        }

        try
        {
            _ = new SigningKeyRing(Options.Create(options));
        }
        catch (InvalidOperationException ex)
        {
            failures.Add(ex.Message);
            return;
        }

        // A private key anyone else on the host can read is a key anyone can sign with. The
        // generated development key is owner-only anyway; elsewhere the operator must make it so.
        if (environment.IsDevelopment())
        {
            return;
        }

        foreach (var path in options.KeyFiles.Where(p => AsymmetricKeyFile.HoldsPrivateKey(p) && SecretFile.IsOpenToOthers(p)))
        {
            failures.Add($"Jwt:KeyFiles names '{path}', a private key that its group or others may read; make it readable by its owner only (chmod 600).");
        }
    }
}
