namespace ShopEase.Domain.Mfa;

/// <summary>
/// An account's TOTP authenticator: its shared secret, only ever held encrypted here, and the last
/// time step a code was accepted for, so no code is accepted twice. It guards logins once confirmed
/// with a first code; until then it is a set-up waiting for that code.
/// </summary>
public sealed class TotpAuthenticator
{
    private TotpAuthenticator()
    {
    }

    /// <summary>New with every set-up, so a confirmation names the set-up whose secret it proved.</summary>
    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The secret as the key named by <see cref="KeyId"/> encrypted it.</summary>
    public byte[] EncryptedSecret { get; private set; } = [];

    public string KeyId { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>The RFC 6238 time step of the last accepted code; only a later step is accepted.</summary>
    public long LastUsedStep { get; private set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    public static TotpAuthenticator Begin(Guid userId, byte[] encryptedSecret, string keyId, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfZero(encryptedSecret.Length, nameof(encryptedSecret));
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        return new TotpAuthenticator
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            EncryptedSecret = encryptedSecret,
            KeyId = keyId,
            CreatedAt = now,
        };
    }
}
