using AutoMapper;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Admin.Users.Models;

public sealed class AdminUserMappingProfile : Profile
{
    public AdminUserMappingProfile() => CreateMap<User, AdminUserDto>();
}
