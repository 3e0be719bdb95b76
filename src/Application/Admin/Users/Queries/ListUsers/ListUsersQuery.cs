using Mediator;
using ShopEase.Application.Admin.Users.Models;
using ShopEase.Application.Common.Models;

namespace ShopEase.Application.Admin.Users.Queries.ListUsers;

public sealed record ListUsersQuery(int Page, int PageSize, string? Email) : IQuery<PagedResult<AdminUserDto>>
{
    public const int MaxPageSize = 100;

    /// <summary>Far past any real page, and low enough that (page - 1) * pageSize cannot overflow.</summary>
    public const int MaxPage = 1_000_000;
}
