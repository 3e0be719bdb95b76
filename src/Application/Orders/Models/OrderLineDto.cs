using ShopEase.Application.Common.Models;

namespace ShopEase.Application.Orders.Models;

public sealed record OrderLineDto(Guid ProductId, string Sku, string Name, MoneyDto UnitPrice, int Quantity, MoneyDto LineTotal);
