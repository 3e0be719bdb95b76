using AutoMapper;
using Mediator;
using ShopEase.Application.Admin.Users.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Models;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Admin.Users.Queries.ListUsers;

public sealed class ListUsersQueryHandler(IUserRepository users, IMapper mapper)
    : IQueryHandler<ListUsersQuery, PagedResult<AdminUserDto>>
{
    public async ValueTask<PagedResult<AdminUserDto>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var filter = string.IsNullOrWhiteSpace(query.Email) ? null : EmailAddress.Normalize(query.Email);
        var (items, total) = await users.ListAsync(filter, query.Page, query.PageSize, cancellationToken);
        return new PagedResult<AdminUserDto>(mapper.Map<List<AdminUserDto>>(items), query.Page, query.PageSize, total);
    }
}
