namespace ShopEase.Domain.Sessions;

/// <summary>
/// One link in a session's rotation chain. Only the SHA-256 hash of the opaque token is kept;
/// a token is spent the moment it is exchanged for its successor.
/// </summary>
public sealed class RefreshToken
{
    public const int HashLength = 32;

    private RefreshToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? SpentAt { get; private set; }

    public static RefreshToken Issue(Guid sessionId, byte[] tokenHash, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        if (tokenHash.Length != HashLength)
        {
            throw new ArgumentException($"A refresh token hash is {HashLength} bytes.", nameof(tokenHash));
        }

        return new RefreshToken
        {
            Id = Guid.CreateVersion7(now),
            SessionId = sessionId,
            TokenHash = tokenHash,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
    }
}
