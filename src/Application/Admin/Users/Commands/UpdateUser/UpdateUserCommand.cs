using Mediator;
using ShopEase.Application.Admin.Users.Models;

namespace ShopEase.Application.Admin.Users.Commands.UpdateUser;

/// <param name="ActorId">The staff member making the change.</param>
/// <param name="IsActive">Null leaves it as it is; false deactivates and revokes every session.</param>
public sealed record UpdateUserCommand(Guid ActorId, Guid UserId, bool? IsActive, bool? IsStaff) : ICommand<AdminUserDto>;
