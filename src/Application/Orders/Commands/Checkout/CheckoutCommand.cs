using Mediator;
using ShopEase.Application.Common.Behaviors;
using ShopEase.Application.Orders.Models;

namespace ShopEase.Application.Orders.Commands.Checkout;

/// <param name="IdempotencyKey">From the <c>Idempotency-Key</c> header; a retry with the same key gets the first order back.</param>
public sealed record CheckoutCommand(Guid UserId, string? IdempotencyKey)
    : ICommand<PlacedOrder>,
    ITransactionalCommand;
