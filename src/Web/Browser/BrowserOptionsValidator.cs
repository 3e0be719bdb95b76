using Microsoft.Extensions.Options;
using ShopEase.Infrastructure.Security;

namespace ShopEase.Web.Browser;

/// <summary>A missing or weak CSRF key stops the app at start, like a bad signing key.</summary>
public sealed class BrowserOptionsValidator(IOptions<JwtOptions> jwt) : IValidateOptions<BrowserOptions>
{
    public ValidateOptionsResult Validate(string? name, BrowserOptions options) =>
        CsrfTokens.ResolveKey(options, jwt.Value, out var problem) is null
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
