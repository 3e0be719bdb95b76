using AutoMapper;
using Mediator;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Application.Auth.Queries.GetCurrentUser;

public sealed class GetCurrentUserQueryHandler(IUserRepository users, IMapper mapper)
    : IQueryHandler<GetCurrentUserQuery, CurrentUserDto>
{
    public async ValueTask<CurrentUserDto> Handle(GetCurrentUserQuery query, CancellationToken cancellationToken)
    {
        // A signed token for an account that is gone or deactivated no longer speaks for anyone.
        var user = await users.FindByIdAsync(query.UserId, cancellationToken);
        return user is { IsActive: true } ? mapper.Map<CurrentUserDto>(user) : throw new TokenNotValidException();
    }
}
