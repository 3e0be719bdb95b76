using ShopEase.Domain.Users;

namespace ShopEase.Application.Common.Abstractions;

/// <summary>Users by id or normalised email. The unique index on email is the last word.</summary>
public interface IUserRepository
{
    Task<User?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken);

    Task<bool> EmailExistsAsync(string normalizedEmail, CancellationToken cancellationToken);

    /// <returns><c>false</c> when another account already has the email (a lost sign-up race).</returns>
    Task<bool> TryAddAsync(User user, CancellationToken cancellationToken);

    Task UpdateAsync(User user, CancellationToken cancellationToken);

    /// <summary>As <see cref="UpdateAsync"/>, for a change of email.</summary>
    /// <returns><c>false</c> when another account has taken the email meanwhile (a lost race).</returns>
    Task<bool> TryUpdateAsync(User user, CancellationToken cancellationToken);

    /// <summary>One page of accounts, newest first, optionally only emails containing <paramref name="emailContains"/>.</summary>
    Task<(IReadOnlyList<User> Items, int Total)> ListAsync(
        string? emailContains, int page, int pageSize, CancellationToken cancellationToken);
}
