using AutoMapper;
using ShopEase.Domain.Orders;

namespace ShopEase.Application.Orders.Models;

public sealed class OrderMappingProfile : Profile
{
    public OrderMappingProfile()
    {
        CreateMap<Order, OrderDto>().ForCtorParam(nameof(OrderDto.Items), o => o.MapFrom(order => order.Lines));
        CreateMap<OrderLine, OrderLineDto>();
    }
}
