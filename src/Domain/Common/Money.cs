namespace ShopEase.Domain.Common;

/// <summary>
/// An amount in minor units (cents for EUR, yen for JPY) and its ISO 4217 currency. Never a
/// floating-point number: sums and products are exact, and overflow throws instead of wrapping.
/// </summary>
public sealed record Money
{
    /// <summary>Ten billion in major units of a two-decimal currency: far above any price, far below overflow.</summary>
    public const long MaxAmount = 1_000_000_000_000;

    public Money(long amount, string currency)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (!IsCurrencyCode(currency))
        {
            throw new ArgumentException("A currency is an ISO 4217 code of three upper-case letters.", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
    }

    public long Amount { get; }

    public string Currency { get; }

    /// <summary>Three upper-case ASCII letters, as ISO 4217 writes them (<c>EUR</c>, <c>USD</c>).</summary>
    public static bool IsCurrencyCode(string? value) =>
        value is { Length: 3 } && value.All(char.IsAsciiLetterUpper);

    public static Money Zero(string currency) => new(0, currency);

    public Money Times(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        return new Money(checked(Amount * quantity), Currency);
    }

    public Money Plus(Money other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Currency != Currency)
        {
            throw new InvalidOperationException($"Cannot add {other.Currency} to {Currency}.");
        }

        return new Money(checked(Amount + other.Amount), Currency);
    }
}
