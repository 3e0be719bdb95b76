namespace ShopEase.Domain.Passkeys;

/// <summary>
/// A WebAuthn credential a user registered to sign in without a password: the authenticator keeps
/// the private key, ShopEase the public key (COSE form) and the last signature counter it saw.
/// </summary>
public sealed class Passkey
{
    public const int MaxNameLength = 64;

    /// <summary>WebAuthn caps credential ids at 1023 bytes.</summary>
    public const int MaxCredentialIdLength = 1023;

    public const string DefaultName = "Passkey";

    private Passkey()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public byte[] CredentialId { get; private set; } = [];

    public byte[] PublicKey { get; private set; } = [];

    public long SignCount { get; private set; }

    public string Name { get; private set; } = DefaultName;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public static Passkey Register(
        Guid userId, byte[] credentialId, byte[] publicKey, uint signCount, string name, DateTimeOffset now)
    {
        if (credentialId.Length is 0 or > MaxCredentialIdLength)
        {
            throw new ArgumentOutOfRangeException(nameof(credentialId), "A credential id has 1 to 1023 bytes.");
        }

        ArgumentOutOfRangeException.ThrowIfZero(publicKey.Length, nameof(publicKey));
        return new Passkey
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            CredentialId = credentialId,
            PublicKey = publicKey,
            SignCount = signCount,
            Name = NameOrDefault(name),
            CreatedAt = now,
        };
    }

    public void Rename(string name) => Name = NameOrDefault(name);

    /// <summary>
    /// The counter rule: a counter that does not go up means the credential may have been cloned,
    /// so the assertion is refused. Authenticators that keep no counter (synced passkeys) always
    /// send 0, which is accepted only while the stored counter is 0 too: once a credential has
    /// counted, a 0 is a counter that went backwards.
    /// </summary>
    public bool AcceptsSignCount(uint presented) => presented > SignCount || (presented == 0 && SignCount == 0);

    private static string NameOrDefault(string name) => string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim();
}
