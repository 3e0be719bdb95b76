using Mediator;
using ShopEase.Application.Auth.Models;

namespace ShopEase.Application.Auth.Queries.GetCurrentUser;

public sealed record GetCurrentUserQuery(Guid UserId) : IQuery<CurrentUserDto>;
