namespace ShopEase.Application.Mfa;

/// <summary>The fixed numbers of the second factor, as the API promises them.</summary>
public static class MfaRules
{
    /// <summary>The name authenticator apps show beside the account, and the otpauth URI's issuer.</summary>
    public const string Issuer = "ShopEase";

    /// <summary>How many codes one login challenge may try; the next attempt finds it dead.</summary>
    public const int MaxCodeAttempts = 5;

    /// <summary>How long the second step of a login may wait after the password was accepted.</summary>
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Errors about the account's second-factor state are keyed by this name.</summary>
    public const string StateField = "totp";

    public const string AlreadyEnabled = "Two-factor authentication is already on; turn it off before setting it up again.";

    public const string NotEnabled = "Two-factor authentication is not on.";

    public const string NothingToConfirm = "No TOTP set-up is waiting for a code; start one with POST /api/auth/mfa/totp/setup.";
}
