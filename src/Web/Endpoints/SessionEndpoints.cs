using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ShopEase.Application.Auth.Commands.ChangePassword;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Sessions.Commands.LogoutAll;
using ShopEase.Application.Sessions.Commands.RevokeSession;
using ShopEase.Application.Sessions.Models;
using ShopEase.Application.Sessions.Queries.ListSessions;
using ShopEase.Web.Authentication;
using ShopEase.Web.Browser;
using ShopEase.Web.Endpoints.Requests;
using ShopEase.Web.ExceptionHandling;
using ShopEase.Web.OpenApi;

namespace ShopEase.Web.Endpoints;

/// <summary>The caller's sessions and password: every route needs a live access token.</summary>
public sealed class SessionEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup(AuthEndpoints.BasePath).WithTags("Sessions").RequireAuthorization();
        auth.MapGet("/sessions", ListAsync);
        auth.MapDelete("/sessions/{id:guid}", RevokeAsync).WithMetadata(new NotFoundTitle("No such session."));
        auth.MapPost("/logout-all", LogoutAllAsync);
        auth.MapPost("/password", ChangePasswordAsync)
            .WithMetadata(new BrowserTransportHeaders(NeedsCsrfToken: false))
            .ProducesProblems(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Ok<IReadOnlyList<SessionDto>>> ListAsync(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListSessionsQuery(http.User.GetUserId(), http.User.GetSessionId()), ct));

    private static async Task<NoContent> RevokeAsync(Guid id, HttpContext http, ISender sender, CancellationToken ct)
    {
        await sender.Send(new RevokeSessionCommand(http.User.GetUserId(), id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LogoutAllAsync(HttpContext http, ISender sender, CancellationToken ct)
    {
        await sender.Send(new LogoutAllCommand(http.User.GetUserId()), ct);
        return TypedResults.NoContent();
    }

    /// <summary>In browser mode the session's new refresh token replaces the spent one in the cookie, never the body.</summary>
    private static async Task<Results<Ok<TokenPair>, Ok<BrowserTokenResponse>>> ChangePasswordAsync(
        ChangePasswordRequest body, HttpContext http, ISender sender, BrowserTransport browser, CancellationToken ct)
    {
        var sessionId = http.User.GetSessionId();
        var command = new ChangePasswordCommand(
            http.User.GetUserId(), sessionId, body.CurrentPassword ?? string.Empty, body.NewPassword ?? string.Empty);
        var pair = await sender.Send(command, ct);
        return BrowserTransport.IsRequested(http)
            ? TypedResults.Ok(browser.Deliver(http, sessionId, pair))
            : TypedResults.Ok(pair);
    }
}
