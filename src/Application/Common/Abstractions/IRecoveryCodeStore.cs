namespace ShopEase.Application.Common.Abstractions;

/// <summary>An account's recovery codes, kept only as keyed hashes; each works once.</summary>
public interface IRecoveryCodeStore
{
    /// <summary>The new set replaces every code the user had, used or not; an empty set removes them all.</summary>
    Task ReplaceAsync(Guid userId, IReadOnlyList<string> normalizedCodes, DateTimeOffset now, CancellationToken cancellationToken);

    /// <returns><c>true</c> for exactly one caller: the code was one of the user's unused codes and is now used.</returns>
    Task<bool> TryUseAsync(Guid userId, string normalizedCode, DateTimeOffset now, CancellationToken cancellationToken);
}
