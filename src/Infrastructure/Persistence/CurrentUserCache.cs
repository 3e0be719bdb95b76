using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Infrastructure.Sessions;

namespace ShopEase.Infrastructure.Persistence;

/// <summary>
/// <see cref="ICurrentUserCache"/> in memory, per node, for at most <see cref="RevocationOptions.CacheDuration"/>:
/// the same bound the session check trusts its cache for. <see cref="UserRepository"/> evicts on every change it
/// saves; a change made on another node shows here within that bound.
/// </summary>
internal sealed class CurrentUserCache(IOptions<RevocationOptions> options) : ICurrentUserCache, IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly TimeSpan _duration = options.Value.CacheDuration;

    public bool TryGet(Guid userId, [NotNullWhen(true)] out CurrentUserDto? user) => _cache.TryGetValue(userId, out user) && user is not null;

    public void Remember(CurrentUserDto user) =>
        _cache.Set(user.Id, user, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _duration });

    public void Evict(Guid userId) => _cache.Remove(userId);

    public void Dispose() => _cache.Dispose();
}
