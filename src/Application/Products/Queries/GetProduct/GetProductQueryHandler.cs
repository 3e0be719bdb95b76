using AutoMapper;
using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Products.Models;

namespace ShopEase.Application.Products.Queries.GetProduct;

public sealed class GetProductQueryHandler(IProductRepository products, IMapper mapper) : IQueryHandler<GetProductQuery, ProductDto>
{
    public async ValueTask<ProductDto> Handle(GetProductQuery query, CancellationToken cancellationToken) =>
        mapper.Map<ProductDto>(await products.FindAsync(query.ProductId, cancellationToken)
            ?? throw new NotFoundException("No such product."));
}
