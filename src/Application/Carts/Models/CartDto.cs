using ShopEase.Application.Common.Models;

namespace ShopEase.Application.Carts.Models;

/// <param name="Totals">One sum per currency; a cart normally holds one, and none when it is empty.</param>
public sealed record CartDto(IReadOnlyList<CartItemDto> Items, IReadOnlyList<MoneyDto> Totals);
