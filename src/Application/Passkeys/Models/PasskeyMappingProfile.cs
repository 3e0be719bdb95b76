using AutoMapper;
using ShopEase.Domain.Passkeys;

namespace ShopEase.Application.Passkeys.Models;

public sealed class PasskeyMappingProfile : Profile
{
    public PasskeyMappingProfile() => CreateMap<Passkey, PasskeyDto>();
}
