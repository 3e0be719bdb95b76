namespace ShopEase.Application.Mfa.Models;

/// <summary>TOTP is off; <paramref name="WithRecoveryCode"/> says a recovery code stood in for the code, which the audit trail records.</summary>
public sealed record TotpDisabled(bool WithRecoveryCode);
