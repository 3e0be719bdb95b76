namespace ShopEase.Application.Mfa.Models;

/// <summary>A new set of recovery codes, shown this once: only their hashes are kept.</summary>
public sealed record RecoveryCodesResult(IReadOnlyList<string> RecoveryCodes);
