namespace ShopEase.Infrastructure.Passkeys;

/// <summary>The WebAuthn relying party (section <c>Passkeys</c>).</summary>
public sealed class PasskeyOptions
{
    public const string SectionName = "Passkeys";

    public static readonly IReadOnlyList<string> DefaultOrigins = ["http://localhost:3000"];

    /// <summary>The RP ID: the registrable domain every passkey is bound to. Changing it orphans every passkey.</summary>
    public string RpId { get; set; } = "localhost";

    /// <summary>The name an authenticator shows beside the account.</summary>
    public string RpName { get; set; } = "ShopEase";

    /// <summary>The origins of the pages allowed to run the ceremonies; setting any replaces the default.</summary>
    public string[]? Origins { get; set; }

    public IReadOnlyList<string> EffectiveOrigins => Origins is { Length: > 0 } origins ? origins : DefaultOrigins;
}
