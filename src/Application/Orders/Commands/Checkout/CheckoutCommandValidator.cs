using FluentValidation;
using ShopEase.Domain.Orders;

namespace ShopEase.Application.Orders.Commands.Checkout;

/// <summary>
/// Only the key's shape. Whether the cart can be ordered is the handler's to say: a retried
/// checkout finds the cart already emptied by the first, and must get that order back, not a 400.
/// </summary>
public sealed class CheckoutCommandValidator : AbstractValidator<CheckoutCommand>
{
    public CheckoutCommandValidator()
    {
        RuleFor(c => c.IdempotencyKey)
            .Must(k => k is { Length: > 0 and <= Order.MaxIdempotencyKeyLength } && k.All(c => c is >= '!' and <= '~'))
            .When(c => c.IdempotencyKey is not null)
            .WithMessage($"Idempotency-Key must be 1 to {Order.MaxIdempotencyKeyLength} visible ASCII characters, e.g. a UUID.");
    }
}
