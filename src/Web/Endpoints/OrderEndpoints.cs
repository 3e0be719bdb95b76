using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ShopEase.Application.Common.Models;
using ShopEase.Application.Orders.Commands.Checkout;
using ShopEase.Application.Orders.Models;
using ShopEase.Application.Orders.Queries.GetOrder;
using ShopEase.Application.Orders.Queries.ListOrders;
using ShopEase.Web.Authentication;
using ShopEase.Web.ExceptionHandling;
using ShopEase.Web.Http;

namespace ShopEase.Web.Endpoints;

/// <summary>Checking out the caller's cart, and the caller's own orders.</summary>
public sealed class OrderEndpoints : IEndpointGroup
{
    public const string BasePath = "/api/orders";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public void Map(IEndpointRouteBuilder app)
    {
        // Grouped under /api rather than /api/orders, so that the collection's route has no trailing slash.
        var api = app.MapGroup("/api").WithTags("Orders").RequireAuthorization().WithNoStore();
        api.MapPost("/orders", CheckoutAsync)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/orders", ListAsync);
        api.MapGet("/orders/{id:guid}", GetAsync).WithMetadata(new NotFoundTitle("No such order."));
    }

    /// <summary>201 for a new order; 200 with the same body when the Idempotency-Key names an earlier one.</summary>
    private static async Task<Results<Created<OrderDto>, Ok<OrderDto>>> CheckoutAsync(
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, HttpContext http, ISender sender, CancellationToken ct)
    {
        var placed = await sender.Send(new CheckoutCommand(http.User.GetUserId(), idempotencyKey), ct);
        return placed.Replayed
            ? TypedResults.Ok(placed.Order)
            : TypedResults.Created($"{BasePath}/{placed.Order.Id}", placed.Order);
    }

    private static async Task<Ok<PagedResult<OrderDto>>> ListAsync(
        string? page, string? pageSize, HttpContext http, ISender sender, CancellationToken ct)
    {
        var query = new ListOrdersQuery(
            http.User.GetUserId(), QueryParameters.IntOrDefault(page, "page", 1), QueryParameters.IntOrDefault(pageSize, "pageSize", 20));
        return TypedResults.Ok(await sender.Send(query, ct));
    }

    private static async Task<Ok<OrderDto>> GetAsync(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetOrderQuery(http.User.GetUserId(), id), ct));
}
