namespace ShopEase.Application.Mfa.Models;

/// <summary>
/// What an authenticator app needs, shown once: the base32 secret to type in, or the otpauth URI
/// (and its QR code as an SVG document) to scan. Nothing is on until a code confirms it.
/// </summary>
public sealed record TotpSetupResult(string Secret, string OtpauthUri, string QrCodeSvg);
