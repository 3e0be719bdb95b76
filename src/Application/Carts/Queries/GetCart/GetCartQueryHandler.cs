using AutoMapper;
using Mediator;
using ShopEase.Application.Carts.Models;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Application.Carts.Queries.GetCart;

public sealed class GetCartQueryHandler(ICartRepository carts, IMapper mapper) : IQueryHandler<GetCartQuery, CartDto>
{
    public async ValueTask<CartDto> Handle(GetCartQuery query, CancellationToken cancellationToken) =>
        mapper.Map<CartDto>(await carts.GetAsync(query.UserId, cancellationToken));
}
