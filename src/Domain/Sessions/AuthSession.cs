namespace ShopEase.Domain.Sessions;

/// <summary>
/// One login (or sign-up) and the chain of refresh tokens rotated from it; access tokens name it
/// in their <c>sid</c> claim. Its absolute lifetime never grows by refreshing.
/// </summary>
public sealed class AuthSession
{
    private AuthSession()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastUsedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? UserAgent { get; private set; }

    public string? IpAddress { get; private set; }

    public static AuthSession Start(
        Guid userId, DateTimeOffset now, TimeSpan absoluteLifetime, string? userAgent, string? ipAddress)
    {
        if (absoluteLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(absoluteLifetime), "A session must live for some time.");
        }

        return new AuthSession
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = now + absoluteLifetime,
            UserAgent = userAgent,
            IpAddress = ipAddress,
        };
    }

    public bool IsLiveAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>A refresh token never outlives its session.</summary>
    public DateTimeOffset RefreshTokenExpiry(DateTimeOffset now, TimeSpan refreshTokenLifetime)
    {
        var wanted = now + refreshTokenLifetime;
        return wanted < ExpiresAt ? wanted : ExpiresAt;
    }
}
