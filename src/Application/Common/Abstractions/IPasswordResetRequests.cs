namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// "Forgot password" requests, written as they arrive for any email at all and resolved later by the
/// background sender (<c>IssuePasswordResetCommand</c>): the request itself never looks the account up, so
/// neither its answer nor its time can tell whether one exists.
/// </summary>
public interface IPasswordResetRequests
{
    Task AddAsync(string normalizedEmail, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes a resolved request, in the caller's transaction.</summary>
    /// <returns><c>false</c> when it was already gone: another node resolved it first.</returns>
    Task<bool> CompleteAsync(Guid requestId, CancellationToken cancellationToken);
}
