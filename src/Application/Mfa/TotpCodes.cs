using System.Security.Cryptography;
using OtpNet;

namespace ShopEase.Application.Mfa;

/// <summary>
/// RFC 6238 codes as authenticator apps compute them, through Otp.NET: HMAC-SHA-1, 6 digits, 30-second
/// steps, and one step of drift either way, so a phone clock off by up to half a minute still works.
/// </summary>
public static class TotpCodes
{
    public const int Digits = 6;
    public const int StepSeconds = 30;

    /// <summary>160 bits, the HMAC-SHA-1 key length RFC 4226 recommends.</summary>
    public const int SecretBytes = 20;

    private static readonly VerificationWindow OneStepEitherWay = new(previous: 1, future: 1);

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretBytes);

    /// <summary>The secret as people type it into an app: base32 (RFC 4648) without padding.</summary>
    public static string ToBase32(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    /// <summary><c>otpauth://totp/ShopEase:&lt;email&gt;?secret=...&amp;issuer=ShopEase&amp;...</c>, what a QR code carries.</summary>
    public static string OtpauthUri(byte[] secret, string email) =>
        new OtpUri(OtpType.Totp, ToBase32(secret), email, MfaRules.Issuer, OtpHashMode.Sha1, Digits, StepSeconds).ToString();

    /// <summary>The time step whose code <paramref name="code"/> is, within one step of <paramref name="now"/>.</summary>
    /// <returns><c>null</c> for a wrong code, one out of the window, or anything that is not six digits.</returns>
    public static long? MatchStep(byte[] secret, string code, DateTimeOffset now)
    {
        var digits = code.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length != Digits || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now.UtcDateTime, digits, out var step, OneStepEitherWay) ? step : null;
    }
}
