using ShopEase.Domain.Sessions;

namespace ShopEase.Application.Common.Abstractions;

/// <summary>A user's sessions. Every revocation here takes effect on the next request, on every node.</summary>
public interface ISessionRepository
{
    Task<IReadOnlyList<AuthSession>> ListLiveAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <returns><c>false</c> when the session is unknown, not live, or not <paramref name="userId"/>'s.</returns>
    Task<bool> RevokeAsync(Guid userId, Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <returns>How many sessions were revoked.</returns>
    Task<int> RevokeAllAsync(Guid userId, Guid? exceptSessionId, DateTimeOffset now, CancellationToken cancellationToken);
}
