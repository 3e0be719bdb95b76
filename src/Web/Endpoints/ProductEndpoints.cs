using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ShopEase.Application.Common.Models;
using ShopEase.Application.Products.Commands.CreateProduct;
using ShopEase.Application.Products.Commands.DeleteProduct;
using ShopEase.Application.Products.Commands.UpdateProduct;
using ShopEase.Application.Products.Models;
using ShopEase.Application.Products.Queries.GetProduct;
using ShopEase.Application.Products.Queries.ListProducts;
using ShopEase.Web.Authentication;
using ShopEase.Web.Endpoints.Requests;
using ShopEase.Web.ExceptionHandling;
using ShopEase.Web.Http;

namespace ShopEase.Web.Endpoints;

/// <summary>The catalogue: anyone reads it, staff change it.</summary>
public sealed class ProductEndpoints : IEndpointGroup
{
    public const string BasePath = "/api/products";

    public void Map(IEndpointRouteBuilder app)
    {
        // Grouped under /api rather than /api/products, so that the collection's route has no trailing slash.
        var api = app.MapGroup("/api").WithTags("Products");
        api.MapGet("/products", ListAsync);
        api.MapPost("/products", CreateAsync).RequireAuthorization(StaffPolicy.Name);

        // One product: an id that is no GUID is routing's 404, worded as the handlers word an unknown one.
        var product = api.MapGroup("/products").WithMetadata(new NotFoundTitle("No such product."));
        product.MapGet("/{id:guid}", GetAsync);
        product.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(StaffPolicy.Name);
        product.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(StaffPolicy.Name);
    }

    private static async Task<Ok<PagedResult<ProductDto>>> ListAsync(
        string? page, string? pageSize, string? q, string? minPrice, string? maxPrice, string? sort,
        ISender sender, CancellationToken ct)
    {
        var query = new ListProductsQuery(
            QueryParameters.IntOrDefault(page, "page", 1),
            QueryParameters.IntOrDefault(pageSize, "pageSize", 20),
            q,
            QueryParameters.OptionalLong(minPrice, "minPrice"),
            QueryParameters.OptionalLong(maxPrice, "maxPrice"),
            string.IsNullOrEmpty(sort) ? null : sort);
        return TypedResults.Ok(await sender.Send(query, ct));
    }

    private static async Task<Ok<ProductDto>> GetAsync(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetProductQuery(id), ct));

    private static async Task<Created<ProductDto>> CreateAsync(ProductRequest body, ISender sender, CancellationToken ct)
    {
        var product = await sender.Send(
            new CreateProductCommand(
                body.Sku ?? string.Empty,
                body.Name ?? string.Empty,
                body.Description ?? string.Empty,
                body.Price?.Amount,
                body.Price?.Currency ?? string.Empty,
                body.Stock),
            ct);
        return TypedResults.Created($"{BasePath}/{product.Id}", product);
    }

    private static async Task<Ok<ProductDto>> UpdateAsync(Guid id, ProductRequest body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(
            new UpdateProductCommand(
                id,
                body.Sku ?? string.Empty,
                body.Name ?? string.Empty,
                body.Description ?? string.Empty,
                body.Price?.Amount,
                body.Price?.Currency ?? string.Empty,
                body.Stock),
            ct));

    private static async Task<NoContent> DeleteAsync(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteProductCommand(id), ct);
        return TypedResults.NoContent();
    }
}
