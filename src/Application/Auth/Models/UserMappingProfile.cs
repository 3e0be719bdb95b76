using AutoMapper;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Auth.Models;

public sealed class UserMappingProfile : Profile
{
    public UserMappingProfile()
    {
        CreateMap<User, UserDto>();
        CreateMap<User, CurrentUserDto>();
    }
}
