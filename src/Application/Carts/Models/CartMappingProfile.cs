using AutoMapper;
using ShopEase.Domain.Carts;

namespace ShopEase.Application.Carts.Models;

public sealed class CartMappingProfile : Profile
{
    public CartMappingProfile()
    {
        CreateMap<Cart, CartDto>().ForCtorParam(nameof(CartDto.Items), o => o.MapFrom(c => c.Lines));
        CreateMap<CartLine, CartItemDto>()
            .ForCtorParam(nameof(CartItemDto.Name), o => o.MapFrom(l => l.Product.Name))
            .ForCtorParam(nameof(CartItemDto.UnitPrice), o => o.MapFrom(l => l.Product.Price));
    }
}
