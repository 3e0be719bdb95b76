using ShopEase.Application.Common.Models;

namespace ShopEase.Application.Carts.Models;

public sealed record CartItemDto(Guid ProductId, string Name, MoneyDto UnitPrice, int Quantity, MoneyDto LineTotal);
