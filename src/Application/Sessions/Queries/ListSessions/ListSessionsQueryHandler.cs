using AutoMapper;
using Mediator;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Sessions.Models;

namespace ShopEase.Application.Sessions.Queries.ListSessions;

public sealed class ListSessionsQueryHandler(ISessionStore sessions, IMapper mapper, TimeProvider timeProvider)
    : IQueryHandler<ListSessionsQuery, IReadOnlyList<SessionDto>>
{
    public async ValueTask<IReadOnlyList<SessionDto>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var live = await sessions.ListLiveAsync(query.UserId, timeProvider.GetUtcNow(), cancellationToken);
        return mapper.Map<List<SessionDto>>(live, o => o.Items[SessionMappingProfile.CurrentSessionIdKey] = query.CurrentSessionId);
    }
}
