namespace ShopEase.Infrastructure.Persistence;

/// <summary>A login waiting for its second factor; the token itself is never stored, only its SHA-256.</summary>
public sealed class MfaChallengeEntry
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public byte[] TokenHash { get; set; } = [];

    /// <summary>See <see cref="ShopEase.Application.Mfa.PasswordStamp"/>.</summary>
    public string PasswordStamp { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Codes tried with this token so far, the right one included.</summary>
    public int Attempts { get; set; }
}
