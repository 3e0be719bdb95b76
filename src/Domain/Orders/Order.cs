using ShopEase.Domain.Carts;
using ShopEase.Domain.Common;

namespace ShopEase.Domain.Orders;

/// <summary>A checked-out cart: its lines at the prices of the moment, in one currency.</summary>
public sealed class Order
{
    public const int MaxIdempotencyKeyLength = 255;

    /// <summary>How long a checkout's idempotency key is honoured; afterwards the key may name a new checkout.</summary>
    public static readonly TimeSpan IdempotencyKeyLifetime = TimeSpan.FromHours(24);

    private readonly List<OrderLine> _lines = [];

    private Order()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The client's key for this checkout: a retry with the same key gets this order back.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>The <see cref="Cart.Fingerprint"/> of the cart the order was placed from, with a key: a retry must send the same cart.</summary>
    public byte[]? IdempotencyFingerprint { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public Money Total => _lines.Skip(1).Aggregate(_lines[0].LineTotal, (sum, line) => sum.Plus(line.LineTotal));

    /// <summary>
    /// Whether checking out <paramref name="cart"/> now with this order's key is the same request again: the
    /// cart the order emptied, or the very same cart (a retry racing the first attempt).
    /// </summary>
    public bool IsRetryOf(Cart cart)
    {
        ArgumentNullException.ThrowIfNull(cart);
        return cart.IsEmpty || (IdempotencyFingerprint is { } fingerprint && fingerprint.AsSpan().SequenceEqual(cart.Fingerprint()));
    }

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
            IdempotencyFingerprint = idempotencyKey is null ? null : cart.Fingerprint(),
        };
        order._lines.AddRange(cart.Lines.Select((line, i) => OrderLine.CopyOf(order.Id, i + 1, line, now)));
        return order;
    }
}
