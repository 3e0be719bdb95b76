namespace ShopEase.Application.Common.Abstractions;

/// <summary>What became of a refresh token presented for rotation.</summary>
public sealed record RefreshRotation(RefreshRotationStatus Status, Guid UserId, Guid SessionId, string? NewRefreshToken)
{
    public TimeSpan RetryAfter { get; init; }

    public static RefreshRotation WrongSession { get; } = new(RefreshRotationStatus.WrongSession, Guid.Empty, Guid.Empty, null);

    public static RefreshRotation RateLimited(TimeSpan retryAfter) =>
        new(RefreshRotationStatus.RateLimited, Guid.Empty, Guid.Empty, null) { RetryAfter = retryAfter };

    public static RefreshRotation Rejected { get; } = new(RefreshRotationStatus.Rejected, Guid.Empty, Guid.Empty, null);

    public static RefreshRotation Rotated(Guid userId, Guid sessionId, string newRefreshToken) =>
        new(RefreshRotationStatus.Rotated, userId, sessionId, newRefreshToken);

    public static RefreshRotation ReuseDetected(Guid userId, Guid sessionId) =>
        new(RefreshRotationStatus.ReuseDetected, userId, sessionId, null);

    public static RefreshRotation SpentWithinGrace(Guid userId, Guid sessionId) =>
        new(RefreshRotationStatus.SpentWithinGrace, userId, sessionId, null);
}
