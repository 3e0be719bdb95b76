using Mediator;
using ShopEase.Application.Products.Models;

namespace ShopEase.Application.Products.Commands.CreateProduct;

/// <param name="PriceAmount">In minor units (cents); null when the request left it out.</param>
public sealed record CreateProductCommand(
    string Sku, string Name, string Description, long? PriceAmount, string PriceCurrency, int? Stock) : ICommand<ProductDto>;
