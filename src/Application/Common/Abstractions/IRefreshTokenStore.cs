using ShopEase.Domain.Sessions;

namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// Sessions and their opaque refresh tokens. Callers only ever see the plain token; the store
/// keeps its hash.
/// </summary>
public interface IRefreshTokenStore
{
    /// <summary>Saves a new session with its first refresh token and returns that token.</summary>
    Task<string> StartSessionAsync(
        AuthSession session, DateTimeOffset refreshTokenExpiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Spends <paramref name="refreshToken"/> and issues its successor in one atomic step: of several
    /// concurrent calls with one token, exactly one rotates. A token that was already spent
    /// revokes its whole session.
    /// </summary>
    Task<RefreshRotation> RotateAsync(
        string refreshToken, DateTimeOffset now, TimeSpan refreshTokenLifetime, CancellationToken cancellationToken);

    /// <returns><c>true</c> when the token was a live refresh token of <paramref name="userId"/> and its session is now revoked.</returns>
    Task<bool> RevokeSessionOfTokenAsync(
        string refreshToken, Guid userId, DateTimeOffset now, CancellationToken cancellationToken);

    Task RevokeSessionAsync(Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken);
}
