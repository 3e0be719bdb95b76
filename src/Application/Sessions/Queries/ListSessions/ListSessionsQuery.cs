using Mediator;
using ShopEase.Application.Sessions.Models;

namespace ShopEase.Application.Sessions.Queries.ListSessions;

/// <param name="CurrentSessionId">The session of the access token making the call, marked <c>current</c>.</param>
public sealed record ListSessionsQuery(Guid UserId, Guid CurrentSessionId) : IQuery<IReadOnlyList<SessionDto>>;
