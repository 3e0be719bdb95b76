using Microsoft.Extensions.Options;

namespace ShopEase.Infrastructure.Passkeys;

/// <summary>
/// Stops the app at start on a relying party no browser would accept: an origin must be an http(s)
/// origin whose host is the RP ID or a subdomain of it.
/// </summary>
internal sealed class PasskeyOptionsValidator : IValidateOptions<PasskeyOptions>
{
    public ValidateOptionsResult Validate(string? name, PasskeyOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RpId) || options.RpId.Contains('/', StringComparison.Ordinal)
            || options.RpId.Contains(':', StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail("Passkeys:RpId must be a domain name, e.g. shop.example (no scheme, port or path).");
        }

        if (string.IsNullOrWhiteSpace(options.RpName))
        {
            return ValidateOptionsResult.Fail("Passkeys:RpName must not be empty.");
        }

        foreach (var origin in options.EffectiveOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.AbsolutePath != "/" || origin.TrimEnd('/') != uri.GetLeftPart(UriPartial.Authority))
            {
                return ValidateOptionsResult.Fail($"Passkeys:Origins: \"{origin}\" is not an origin such as https://shop.example.");
            }

            var host = uri.IdnHost;
            if (!host.Equals(options.RpId, StringComparison.OrdinalIgnoreCase)
                && !host.EndsWith("." + options.RpId, StringComparison.OrdinalIgnoreCase))
            {
                return ValidateOptionsResult.Fail(
                    $"Passkeys:Origins: {origin} is not on Passkeys:RpId {options.RpId} or a subdomain of it; browsers would refuse every ceremony.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
