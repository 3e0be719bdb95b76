namespace ShopEase.Infrastructure.Persistence;

/// <summary>A login waiting for its second factor; the token itself is never stored, only its SHA-256.</summary>
public sealed class MfaChallengeEntry
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public byte[] TokenHash { get; set; } = [];

    /// <summary>The user's <see cref="ShopEase.Domain.Users.User.PasswordStamp"/> when the password was checked.</summary>
    public Guid PasswordStamp { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Codes tried with this token so far, the right one included.</summary>
    public int Attempts { get; set; }
}
