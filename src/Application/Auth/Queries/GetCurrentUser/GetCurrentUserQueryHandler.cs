using AutoMapper;
using Mediator;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Application.Auth.Queries.GetCurrentUser;

public sealed class GetCurrentUserQueryHandler(IUserRepository users, ICurrentUserCache cache, IMapper mapper)
    : IQueryHandler<GetCurrentUserQuery, CurrentUserDto>
{
    public async ValueTask<CurrentUserDto> Handle(GetCurrentUserQuery query, CancellationToken cancellationToken)
    {
        // Only active accounts are cached; deactivation also revokes every session, which the access
        // token check sees at once on every node.
        if (cache.TryGet(query.UserId, out var cached))
        {
            return cached;
        }

        // A signed token for an account that is gone or deactivated no longer speaks for anyone.
        var user = await users.FindByIdAsync(query.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            throw new TokenNotValidException();
        }

        var current = mapper.Map<CurrentUserDto>(user);
        cache.Remember(current);
        return current;
    }
}
