namespace ShopEase.Domain.Products;

/// <summary>The rules for a stock-keeping unit: when two are the same product, and what one may look like.</summary>
public static class ProductSku
{
    public const int MaxLength = 64;

    /// <summary>Trimmed and upper-cased: <c>" ab-12 "</c> and <c>"AB-12"</c> are one SKU.</summary>
    public static string Normalize(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return sku.Trim().ToUpperInvariant();
    }

    /// <summary>1 to 64 ASCII letters, digits, <c>-</c>, <c>_</c> or <c>.</c> once trimmed.</summary>
    public static bool IsWellFormed(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        var candidate = sku.Trim();
        return candidate.Length is > 0 and <= MaxLength
            && candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
    }
}
