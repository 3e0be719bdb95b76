using AutoMapper;
using ShopEase.Domain.Common;

namespace ShopEase.Application.Common.Models;

public sealed class MoneyMappingProfile : Profile
{
    public MoneyMappingProfile() => CreateMap<Money, MoneyDto>();
}
