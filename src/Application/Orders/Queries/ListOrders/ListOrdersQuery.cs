using Mediator;
using ShopEase.Application.Common.Models;
using ShopEase.Application.Common.Validation;
using ShopEase.Application.Orders.Models;

namespace ShopEase.Application.Orders.Queries.ListOrders;

public sealed record ListOrdersQuery(Guid UserId, int Page, int PageSize) : IQuery<PagedResult<OrderDto>>
{
    public const int MaxPageSize = PagingRules.MaxPageSize;

    public const int MaxPage = PagingRules.MaxPage;
}
