using ShopEase.Domain.Carts;
using ShopEase.Domain.Common;

namespace ShopEase.Domain.Orders;

/// <summary>A checked-out cart: its lines at the prices of the moment, in one currency.</summary>
public sealed class Order
{
    public const int MaxIdempotencyKeyLength = 255;

    private readonly List<OrderLine> _lines = [];

    private Order()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The client's key for this checkout: a retry with the same key gets this order back.</summary>
    public string? IdempotencyKey { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public Money Total => _lines.Skip(1).Aggregate(_lines[0].LineTotal, (sum, line) => sum.Plus(line.LineTotal));

    public static Order Place(Cart cart, DateTimeOffset now, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (cart.IsEmpty)
        {
            throw new InvalidOperationException("An empty cart cannot be ordered.");
        }

        if (cart.Totals.Count > 1)
        {
            throw new InvalidOperationException("A cart of several currencies cannot be ordered.");
        }

        var order = new Order
        {
            Id = Guid.CreateVersion7(now),
            UserId = cart.UserId,
            CreatedAt = now,
            IdempotencyKey = idempotencyKey,
        };
        order._lines.AddRange(cart.Lines.Select((line, i) => OrderLine.CopyOf(order.Id, i + 1, line, now)));
        return order;
    }
}
