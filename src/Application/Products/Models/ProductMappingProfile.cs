using AutoMapper;
using ShopEase.Domain.Products;

namespace ShopEase.Application.Products.Models;

public sealed class ProductMappingProfile : Profile
{
    public ProductMappingProfile() => CreateMap<Product, ProductDto>();
}
