using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ShopEase.Application.Admin.Users.Commands.UpdateUser;
using ShopEase.Application.Admin.Users.Models;
using ShopEase.Application.Admin.Users.Queries.ListUsers;
using ShopEase.Application.Common.Models;
using ShopEase.Web.Authentication;
using ShopEase.Web.Endpoints.Requests;
using ShopEase.Web.ExceptionHandling;
using ShopEase.Web.Http;

namespace ShopEase.Web.Endpoints;

/// <summary>Staff administration of accounts, behind the <see cref="StaffPolicy"/>.</summary>
public sealed class AdminEndpoints : IEndpointGroup
{
    public const string BasePath = "/api/admin";

    public void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(BasePath).WithTags("Admin").RequireAuthorization(StaffPolicy.Name);
        admin.MapGet("/users", ListUsersAsync);
        admin.MapPatch("/users/{id:guid}", UpdateUserAsync).WithMetadata(new NotFoundTitle("No such user."));
    }

    private static async Task<Ok<PagedResult<AdminUserDto>>> ListUsersAsync(
        string? page, string? pageSize, string? email, ISender sender, CancellationToken ct)
    {
        var query = new ListUsersQuery(
            QueryParameters.IntOrDefault(page, "page", 1), QueryParameters.IntOrDefault(pageSize, "pageSize", 20), email);
        return TypedResults.Ok(await sender.Send(query, ct));
    }

    private static async Task<Ok<AdminUserDto>> UpdateUserAsync(
        Guid id, UpdateUserRequest body, HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdateUserCommand(http.User.GetUserId(), id, body.IsActive, body.IsStaff), ct));
}
