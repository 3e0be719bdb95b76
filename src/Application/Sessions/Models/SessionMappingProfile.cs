using AutoMapper;
using ShopEase.Domain.Sessions;

namespace ShopEase.Application.Sessions.Models;

public sealed class SessionMappingProfile : Profile
{
    public const string CurrentSessionIdKey = "CurrentSessionId";

    public SessionMappingProfile()
    {
        CreateMap<AuthSession, SessionDto>()
            .ForCtorParam(nameof(SessionDto.Ip), o => o.MapFrom(s => s.IpAddress))
            .ForCtorParam(nameof(SessionDto.Current), o => o.MapFrom((s, context) =>
                context.TryGetItems(out var items)
                && items.TryGetValue(CurrentSessionIdKey, out var current) && current is Guid id && id == s.Id));
    }
}
