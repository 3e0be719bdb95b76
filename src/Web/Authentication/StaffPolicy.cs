using Microsoft.AspNetCore.Authorization;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Web.Authentication;

/// <summary>
/// The "Staff" policy: the caller's account, read fresh from the database, is active staff. Staff
/// status is not a token claim, so taking it away works at once.
/// </summary>
public sealed class StaffPolicy : AuthorizationHandler<StaffPolicy.Requirement>
{
    public const string Name = "Staff";

    private readonly IUserRepository _users;

    public StaffPolicy(IUserRepository users) => _users = users;

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var user = await _users.FindByIdAsync(context.User.GetUserId(), CancellationToken.None);
        if (user is { IsActive: true, IsStaff: true })
        {
            context.Succeed(requirement);
        }
    }

    public sealed class Requirement : IAuthorizationRequirement;
}
