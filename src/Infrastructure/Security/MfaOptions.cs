namespace ShopEase.Infrastructure.Security;

/// <summary>Second-factor settings. Section <c>Mfa</c> (environment: <c>Mfa__EncryptionKey</c>, ...).</summary>
public sealed class MfaOptions
{
    public const string SectionName = "Mfa";

    /// <summary>
    /// The key that encrypts new TOTP secrets and keys the hashes of new recovery codes: base64, at
    /// least 256 bits. Never committed; generated outside the repository in Development.
    /// </summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Earlier keys: they still decrypt the secrets and check the recovery codes they wrote.</summary>
    public IList<string> PreviousEncryptionKeys { get; } = [];
}
