using ShopEase.Domain.Sessions;

namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// A user's sessions and their opaque refresh tokens: started, rotated, listed and revoked here only.
/// Callers only ever see the plain token; the store keeps its hash. Every revocation takes effect on the
/// next request, on every node.
/// </summary>
public interface ISessionStore
{
    /// <summary>
    /// Saves a new session with its first refresh token and returns that token, provided the account is
    /// still active with <paramref name="passwordStamp"/>; a password change committed since the password was
    /// checked waits for this, or makes it start nothing. Runs in the caller's transaction when there is one
    /// (a sign-up's, whose new account only it can see).
    /// </summary>
    /// <returns>The refresh token, or <c>null</c> when the account's password changed or it was deactivated meanwhile.</returns>
    Task<string?> StartSessionAsync(
        AuthSession session, DateTimeOffset refreshTokenExpiresAt, Guid passwordStamp, CancellationToken cancellationToken);

    /// <summary>
    /// Spends <paramref name="refreshToken"/> and issues its successor in one atomic step: of several
    /// concurrent calls with one token, exactly one rotates. A token that was already spent revokes its
    /// whole session, unless it was spent less than <see cref="Options.SessionOptions.RefreshTokenReuseGrace"/>
    /// ago. With <paramref name="requiredSessionId"/>, a token of any other session is left untouched and
    /// answered <see cref="RefreshRotationStatus.WrongSession"/>.
    /// </summary>
    Task<RefreshRotation> RotateAsync(
        string refreshToken,
        DateTimeOffset now,
        TimeSpan refreshTokenLifetime,
        CancellationToken cancellationToken,
        Guid? requiredSessionId = null);

    /// <summary>
    /// Spends every live refresh token of a live session and issues one new token for it, as after
    /// a password change. Must run inside the caller's transaction, which holds the session's row lock
    /// until the rest of the change commits.
    /// </summary>
    /// <returns>The new token, or <c>null</c> when the session is no longer live.</returns>
    Task<string?> ReplaceRefreshTokenAsync(
        Guid sessionId, DateTimeOffset now, TimeSpan refreshTokenLifetime, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuthSession>> ListLiveAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <returns><c>true</c> when the token was a live refresh token of <paramref name="userId"/> and its session is now revoked.</returns>
    Task<bool> RevokeSessionOfTokenAsync(
        string refreshToken, Guid userId, DateTimeOffset now, CancellationToken cancellationToken, Guid? requiredSessionId = null);

    Task RevokeSessionAsync(Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <returns><c>false</c> when the session is unknown, not live, or not <paramref name="userId"/>'s.</returns>
    Task<bool> RevokeAsync(Guid userId, Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <returns>How many sessions were revoked.</returns>
    Task<int> RevokeAllAsync(Guid userId, Guid? exceptSessionId, DateTimeOffset now, CancellationToken cancellationToken);
}
