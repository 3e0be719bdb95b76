using AutoMapper;
using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Models;
using ShopEase.Application.Products.Models;

namespace ShopEase.Application.Products.Queries.ListProducts;

public sealed class ListProductsQueryHandler(IProductRepository products, IMapper mapper)
    : IQueryHandler<ListProductsQuery, PagedResult<ProductDto>>
{
    public async ValueTask<PagedResult<ProductDto>> Handle(ListProductsQuery query, CancellationToken cancellationToken)
    {
        var filter = new ProductListFilter(
            string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim(),
            query.MinPrice,
            query.MaxPrice,
            query.Sort is null ? ProductSort.Name : ListProductsQuery.SortOrders[query.Sort]);
        var (items, total) = await products.ListAsync(filter, query.Page, query.PageSize, cancellationToken);
        return new PagedResult<ProductDto>(mapper.Map<List<ProductDto>>(items), query.Page, query.PageSize, total);
    }
}
