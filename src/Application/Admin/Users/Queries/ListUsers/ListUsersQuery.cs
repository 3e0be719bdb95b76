using Mediator;
using ShopEase.Application.Admin.Users.Models;
using ShopEase.Application.Common.Models;
using ShopEase.Application.Common.Validation;

namespace ShopEase.Application.Admin.Users.Queries.ListUsers;

public sealed record ListUsersQuery(int Page, int PageSize, string? Email) : IQuery<PagedResult<AdminUserDto>>
{
    public const int MaxPageSize = PagingRules.MaxPageSize;

    public const int MaxPage = PagingRules.MaxPage;
}
