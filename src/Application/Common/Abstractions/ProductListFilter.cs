namespace ShopEase.Application.Common.Abstractions;

/// <param name="Text">Trimmed; kept when the name or the description contains it, ignoring case.</param>
/// <param name="MinPrice">Inclusive, in minor units.</param>
/// <param name="MaxPrice">Inclusive, in minor units.</param>
public sealed record ProductListFilter(string? Text, long? MinPrice, long? MaxPrice, ProductSort Sort);
