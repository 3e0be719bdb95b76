using ShopEase.Domain.Users;

namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// The single-use tokens of mailed links. Callers only ever see the plain token, which goes into the
/// link and nowhere else; the store keeps its hash. Every method joins the caller's transaction.
/// </summary>
public interface IEmailTokenStore
{
    /// <returns>The plain token, valid for <see cref="EmailToken.LifetimeOf"/> its purpose.</returns>
    Task<string> IssueAsync(
        Guid userId, EmailTokenPurpose purpose, string email, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Spends every live token of <paramref name="purpose"/> of the user, so no older link works any more.</summary>
    Task VoidAsync(Guid userId, EmailTokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The live token of one of <paramref name="purposes"/>, left unspent: a cheap check before costly work.</summary>
    Task<EmailTokenClaim?> FindLiveAsync(
        string token, IReadOnlyCollection<EmailTokenPurpose> purposes, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Spends a live token of one of <paramref name="purposes"/>: of concurrent calls with one token, exactly
    /// one gets the claim; the others, like any unknown, spent or expired token, get <c>null</c>.
    /// </summary>
    Task<EmailTokenClaim?> SpendAsync(
        string token, IReadOnlyCollection<EmailTokenPurpose> purposes, DateTimeOffset now, CancellationToken cancellationToken);
}
