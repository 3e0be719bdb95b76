using System.Diagnostics.CodeAnalysis;
using ShopEase.Application.Auth.Models;

namespace ShopEase.Application.Common.Abstractions;

/// <summary>
/// Accounts recently shown by <c>GET /api/auth/me</c>, so that the most frequent authenticated call needs no
/// query. An entry is trusted for at most <c>Revocation:CacheDuration</c>, and every change saved through
/// <see cref="IUserRepository"/> drops it on this node at once. For showing an account only: credentials,
/// staff routes and refresh read the database.
/// </summary>
public interface ICurrentUserCache
{
    bool TryGet(Guid userId, [NotNullWhen(true)] out CurrentUserDto? user);

    void Remember(CurrentUserDto user);
}
