using OtpNet;
using ShopEase.Domain.Mfa;

namespace ShopEase.Application.UnitTests.TestSupport;

/// <summary>
/// Authenticators as the repository would load them. Their secret is "encrypted" as itself under key
/// <see cref="KeyId"/>, which <see cref="PlainSecretProtector"/> hands back unchanged.
/// </summary>
internal static class TestAuthenticators
{
    public const string KeyId = "current-key";

    public static readonly byte[] Secret = "12345678901234567890"u8.ToArray();

    public static TotpAuthenticator Pending(Guid userId, byte[]? secret = null, string keyId = KeyId) =>
        TotpAuthenticator.Begin(userId, secret ?? Secret, keyId, TestClock.Start.AddMinutes(-10));

    /// <summary>Confirmed, with <paramref name="lastUsedStep"/> as the last accepted step (set as EF Core would).</summary>
    public static TotpAuthenticator Confirmed(Guid userId, long lastUsedStep = 0, string keyId = KeyId)
    {
        var authenticator = Pending(userId, keyId: keyId);
        typeof(TotpAuthenticator).GetProperty(nameof(TotpAuthenticator.ConfirmedAt))!.SetValue(authenticator, (DateTimeOffset?)TestClock.Start.AddMinutes(-9));
        typeof(TotpAuthenticator).GetProperty(nameof(TotpAuthenticator.LastUsedStep))!.SetValue(authenticator, lastUsedStep);
        return authenticator;
    }

    /// <summary>The code an authenticator app shows at <paramref name="at"/> (RFC 6238, SHA-1, 6 digits, 30 s).</summary>
    public static string CodeAt(DateTimeOffset at) => new Totp(Secret).ComputeTotp(at.UtcDateTime);

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / 30;
}
