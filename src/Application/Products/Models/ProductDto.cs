using ShopEase.Application.Common.Models;

namespace ShopEase.Application.Products.Models;

public sealed record ProductDto(
    Guid Id,
    string Sku,
    string Name,
    string Description,
    MoneyDto Price,
    int Stock,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
