namespace ShopEase.Infrastructure.Persistence;

/// <summary>One recovery code, as an HMAC-SHA256 under the second factor's key named by <see cref="KeyId"/>.</summary>
public sealed class RecoveryCodeEntry
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public byte[] CodeHash { get; set; } = [];

    public string KeyId { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
