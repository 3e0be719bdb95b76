using AutoMapper;
using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Orders.Models;

namespace ShopEase.Application.Orders.Queries.GetOrder;

public sealed class GetOrderQueryHandler(IOrderRepository orders, IMapper mapper) : IQueryHandler<GetOrderQuery, OrderDto>
{
    public async ValueTask<OrderDto> Handle(GetOrderQuery query, CancellationToken cancellationToken) =>
        mapper.Map<OrderDto>(await orders.FindAsync(query.UserId, query.OrderId, cancellationToken)
            ?? throw new NotFoundException("No such order."));
}
