using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ShopEase.Domain.Common;

namespace ShopEase.Domain.Carts;

/// <summary>
/// A user's cart with its products' current prices. A cart holds one currency: adding a product
/// priced in another is refused, but a product whose currency changed afterwards can still bring a
/// second one in, so totals are kept per currency.
/// </summary>
public sealed class Cart
{
    /// <summary>
    /// Different products one cart may hold. With a quantity of at most 10,000 a line and a price of at most
    /// <see cref="Money.MaxAmount"/>, a total stays below 10^18, far from a long's overflow.
    /// </summary>
    public const int MaxLines = 100;

    public Cart(Guid userId, IEnumerable<CartLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        UserId = userId;
        Lines = lines.ToArray();
    }

    public Guid UserId { get; }

    public IReadOnlyList<CartLine> Lines { get; }

    public bool IsEmpty => Lines.Count == 0;

    /// <summary>One sum per currency, ordered by currency code; empty for an empty cart.</summary>
    public IReadOnlyList<Money> Totals =>
        Lines.GroupBy(l => l.Product.Price.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate(Money.Zero(g.Key), (sum, line) => sum.Plus(line.LineTotal)))
            .ToArray();

    /// <summary>
    /// What the cart asks to buy, as 32 bytes: its products and quantities, in no particular order, prices
    /// left out. Two checkouts of one cart give the same fingerprint; a cart changed in between does not.
    /// </summary>
    public byte[] Fingerprint()
    {
        var text = string.Concat(Lines
            .OrderBy(l => l.Product.Id)
            .Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Product.Id:N}:{l.Quantity};")));
        return SHA256.HashData(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The currencies of the lines other than <paramref name="productId"/>'s.</summary>
    public IEnumerable<string> CurrenciesExcept(Guid productId) =>
        Lines.Where(l => l.Product.Id != productId).Select(l => l.Product.Price.Currency).Distinct(StringComparer.Ordinal);
}
