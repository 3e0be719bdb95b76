using AutoMapper;
using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Models;
using ShopEase.Application.Orders.Models;

namespace ShopEase.Application.Orders.Queries.ListOrders;

public sealed class ListOrdersQueryHandler(IOrderRepository orders, IMapper mapper)
    : IQueryHandler<ListOrdersQuery, PagedResult<OrderDto>>
{
    public async ValueTask<PagedResult<OrderDto>> Handle(ListOrdersQuery query, CancellationToken cancellationToken)
    {
        var (items, total) = await orders.ListAsync(query.UserId, query.Page, query.PageSize, cancellationToken);
        return new PagedResult<OrderDto>(mapper.Map<List<OrderDto>>(items), query.Page, query.PageSize, total);
    }
}
