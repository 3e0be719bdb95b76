using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ShopEase.Application.Carts.Commands.ClearCart;
using ShopEase.Application.Carts.Commands.SetCartItem;
using ShopEase.Application.Carts.Models;
using ShopEase.Application.Carts.Queries.GetCart;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Web.Authentication;
using ShopEase.Web.Endpoints.Requests;
using ShopEase.Web.Http;

namespace ShopEase.Web.Endpoints;

/// <summary>The caller's own cart; any signed-in account has one.</summary>
public sealed class CartEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        // Grouped under /api rather than /api/cart, so that the cart's own route has no trailing slash.
        var api = app.MapGroup("/api").WithTags("Cart").RequireAuthorization().WithNoStore();
        api.MapGet("/cart", GetAsync);
        api.MapPut("/cart/items/{productId}", SetItemAsync);
        api.MapDelete("/cart", ClearAsync);
    }

    private static async Task<Ok<CartDto>> GetAsync(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCartQuery(http.User.GetUserId()), ct));

    /// <summary>
    /// The product is input here, not the resource addressed, so it is read as text: a malformed one is the same
    /// field error as an unknown one, where a route constraint would make it a 404.
    /// </summary>
    private static async Task<Ok<CartDto>> SetItemAsync(
        string productId, SetCartItemRequest body, HttpContext http, ISender sender, CancellationToken ct)
    {
        if (!Guid.TryParse(productId, out var id))
        {
            throw new ValidationFailedException("productId", SetCartItemCommandValidator.NoSuchProduct);
        }

        return TypedResults.Ok(await sender.Send(new SetCartItemCommand(http.User.GetUserId(), id, body.Quantity), ct));
    }

    private static async Task<NoContent> ClearAsync(HttpContext http, ISender sender, CancellationToken ct)
    {
        await sender.Send(new ClearCartCommand(http.User.GetUserId()), ct);
        return TypedResults.NoContent();
    }
}
