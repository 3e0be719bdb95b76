namespace ShopEase.Application.Passkeys.Models;

/// <summary>Resident key required (a discoverable credential), user verification preferred.</summary>
public sealed record AuthenticatorSelection(string ResidentKey, bool RequireResidentKey, string UserVerification);
