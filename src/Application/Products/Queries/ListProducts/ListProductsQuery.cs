using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Models;
using ShopEase.Application.Common.Validation;
using ShopEase.Application.Products.Models;

namespace ShopEase.Application.Products.Queries.ListProducts;

/// <param name="Text">Kept when the name or the description contains it, ignoring case.</param>
/// <param name="MinPrice">Inclusive, in minor units.</param>
/// <param name="MaxPrice">Inclusive, in minor units.</param>
/// <param name="Sort"><c>name</c> (the default), <c>price</c>, <c>-price</c> or <c>newest</c>.</param>
public sealed record ListProductsQuery(int Page, int PageSize, string? Text, long? MinPrice, long? MaxPrice, string? Sort)
    : IQuery<PagedResult<ProductDto>>
{
    public const int MaxPageSize = PagingRules.MaxPageSize;

    public const int MaxPage = PagingRules.MaxPage;

    public const int MaxTextLength = 200;

    public static IReadOnlyDictionary<string, ProductSort> SortOrders { get; } =
        new Dictionary<string, ProductSort>(StringComparer.Ordinal)
        {
            ["name"] = ProductSort.Name,
            ["price"] = ProductSort.PriceAscending,
            ["-price"] = ProductSort.PriceDescending,
            ["newest"] = ProductSort.Newest,
        };
}
