using Mediator;
using ShopEase.Application.Orders.Models;

namespace ShopEase.Application.Orders.Queries.GetOrder;

/// <param name="UserId">The caller: another user's order is answered as if it did not exist.</param>
public sealed record GetOrderQuery(Guid UserId, Guid OrderId) : IQuery<OrderDto>;
