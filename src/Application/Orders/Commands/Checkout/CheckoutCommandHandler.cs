using AutoMapper;
using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Orders.Models;
using ShopEase.Domain.Carts;
using ShopEase.Domain.Orders;

namespace ShopEase.Application.Orders.Commands.Checkout;

public sealed class CheckoutCommandHandler(
    IOrderRepository orders, ICartRepository carts, IMapper mapper, TimeProvider timeProvider, IShopMetrics metrics)
    : ICommandHandler<CheckoutCommand, PlacedOrder>
{
    public async ValueTask<PlacedOrder> Handle(CheckoutCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var cart = await carts.GetAsync(command.UserId, cancellationToken);
        if (await EarlierOrderAsync(command, cart, now, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        if (cart.IsEmpty)
        {
            throw new ValidationFailedException("cart", "The cart is empty.");
        }

        if (cart.Totals.Count > 1)
        {
            throw new ValidationFailedException(
                "cart", "The cart holds products in several currencies; order them one currency at a time.");
        }

        var order = Order.Place(cart, now, command.IdempotencyKey);
        if (command.IdempotencyKey is { } key)
        {
            await orders.ReleaseExpiredIdempotencyKeyAsync(
                command.UserId, key, now - Order.IdempotencyKeyLifetime, cancellationToken);
        }

        // The command's transaction (ITransactionalCommand) makes the order, the stock it takes and the
        // emptied cart one: an exception below rolls all of it back.
        var placement = await orders.PlaceAsync(order, cancellationToken);
        if (placement.Status == OrderPlacementStatus.Placed)
        {
            await carts.RemoveAsync(command.UserId, order.Lines.Select(l => l.ProductId).ToList(), cancellationToken);
            metrics.OrderPlaced();
        }

        return placement.Status switch
        {
            OrderPlacementStatus.Placed => new PlacedOrder(mapper.Map<OrderDto>(order), Replayed: false),
            OrderPlacementStatus.OutOfStock => throw new OutOfStockException(
                placement.ProductId!.Value, cart.Lines.First(l => l.Product.Id == placement.ProductId).Product.Name),

            // A concurrent retry with the same key got there first; its order is the answer.
            _ => await EarlierOrderAsync(command, cart, now, cancellationToken)
                ?? throw new InvalidOperationException("The idempotency key was taken, yet no order has it."),
        };
    }

    /// <summary>
    /// The order the key already names, when this checkout is a retry of it: the cart it emptied (a
    /// concurrent retry may have ordered it since the cart was read), or the same cart. A key sent again
    /// with another cart is refused rather than answered with an order of something else.
    /// </summary>
    private async Task<PlacedOrder?> EarlierOrderAsync(
        CheckoutCommand command, Cart cart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (command.IdempotencyKey is not { } key
            || await orders.FindByIdempotencyKeyAsync(command.UserId, key, now - Order.IdempotencyKeyLifetime, cancellationToken)
                is not { } order)
        {
            return null;
        }

        return order.IsRetryOf(cart)
            ? new PlacedOrder(mapper.Map<OrderDto>(order), Replayed: true)
            : throw new IdempotencyKeyReusedException();
    }
}
