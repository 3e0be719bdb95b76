using Mediator;
using ShopEase.Application.Products.Models;

namespace ShopEase.Application.Products.Commands.UpdateProduct;

/// <summary>Replaces every field of a live product (PUT semantics); its id and creation time stay.</summary>
public sealed record UpdateProductCommand(
    Guid ProductId, string Sku, string Name, string Description, long? PriceAmount, string PriceCurrency, int? Stock)
    : ICommand<ProductDto>;
