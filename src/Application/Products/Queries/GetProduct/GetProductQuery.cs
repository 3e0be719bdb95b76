using Mediator;
using ShopEase.Application.Products.Models;

namespace ShopEase.Application.Products.Queries.GetProduct;

public sealed record GetProductQuery(Guid ProductId) : IQuery<ProductDto>;
