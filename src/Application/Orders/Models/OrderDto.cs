using ShopEase.Application.Common.Models;

namespace ShopEase.Application.Orders.Models;

public sealed record OrderDto(Guid Id, IReadOnlyList<OrderLineDto> Items, MoneyDto Total, DateTimeOffset CreatedAt);
