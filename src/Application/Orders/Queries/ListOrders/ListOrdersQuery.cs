using Mediator;
using ShopEase.Application.Common.Models;
using ShopEase.Application.Orders.Models;

namespace ShopEase.Application.Orders.Queries.ListOrders;

public sealed record ListOrdersQuery(Guid UserId, int Page, int PageSize) : IQuery<PagedResult<OrderDto>>
{
    public const int MaxPageSize = 100;

    /// <summary>Far past any real page, and low enough that (page - 1) * pageSize cannot overflow.</summary>
    public const int MaxPage = 1_000_000;
}
