using AutoMapper;
using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Orders.Models;
using ShopEase.Domain.Orders;

namespace ShopEase.Application.Orders.Commands.Checkout;

public sealed class CheckoutCommandHandler(
    IOrderRepository orders, ICartRepository carts, IMapper mapper, TimeProvider timeProvider, IShopMetrics metrics)
    : ICommandHandler<CheckoutCommand, PlacedOrder>
{
    public async ValueTask<PlacedOrder> Handle(CheckoutCommand command, CancellationToken cancellationToken)
    {
        if (await EarlierOrderAsync(command, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var cart = await carts.GetAsync(command.UserId, cancellationToken);
        if (cart.IsEmpty)
        {
            // A concurrent retry with the same key may have ordered and emptied the cart since
            // the first look; its order is the answer then, not an empty-cart error.
            return await EarlierOrderAsync(command, cancellationToken)
                ?? throw new ValidationFailedException("cart", "The cart is empty.");
        }

        if (cart.Totals.Count > 1)
        {
            throw new ValidationFailedException(
                "cart", "The cart holds products in several currencies; order them one currency at a time.");
        }

        var order = Order.Place(cart, timeProvider.GetUtcNow(), command.IdempotencyKey);
        var placement = await orders.PlaceAsync(order, cancellationToken);
        if (placement.Status == OrderPlacementStatus.Placed)
        {
            metrics.OrderPlaced();
        }

        return placement.Status switch
        {
            OrderPlacementStatus.Placed => new PlacedOrder(mapper.Map<OrderDto>(order), Replayed: false),
            OrderPlacementStatus.OutOfStock => throw new OutOfStockException(
                placement.ProductId!.Value, cart.Lines.First(l => l.Product.Id == placement.ProductId).Product.Name),

            // A concurrent retry with the same key got there first; its order is the answer.
            _ => await EarlierOrderAsync(command, cancellationToken)
                ?? throw new InvalidOperationException("The idempotency key was taken, yet no order has it."),
        };
    }

    private async Task<PlacedOrder?> EarlierOrderAsync(CheckoutCommand command, CancellationToken cancellationToken) =>
        command.IdempotencyKey is { } key
        && await orders.FindByIdempotencyKeyAsync(command.UserId, key, cancellationToken) is { } order
            ? new PlacedOrder(mapper.Map<OrderDto>(order), Replayed: true)
            : null;
}
