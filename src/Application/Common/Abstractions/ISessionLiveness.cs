namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// Answers, on every authenticated request, whether the session an access token names is still
/// live: not revoked, not expired, and its user still active. Cheap by design (cached), and told
/// of revocations on every node (see docs/adr/0005-immediate-revocation.md).
/// </summary>
public interface ISessionLiveness
{
    ValueTask<bool> IsLiveAsync(Guid sessionId, Guid userId, CancellationToken cancellationToken);
}
