using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Passkeys.Commands.BeginPasskeyLogin;
using ShopEase.Application.Passkeys.Commands.BeginPasskeyRegistration;
using ShopEase.Application.Passkeys.Commands.DeletePasskey;
using ShopEase.Application.Passkeys.Commands.PasskeyLogin;
using ShopEase.Application.Passkeys.Commands.RegisterPasskey;
using ShopEase.Application.Passkeys.Commands.RenamePasskey;
using ShopEase.Application.Passkeys.Models;
using ShopEase.Application.Passkeys.Queries.ListPasskeys;
using ShopEase.Web.Authentication;
using ShopEase.Web.Browser;
using ShopEase.Web.Endpoints.Requests;
using ShopEase.Web.Http;
using ShopEase.Web.OpenApi;
using ShopEase.Web.RateLimiting;

namespace ShopEase.Web.Endpoints;

/// <summary>
/// Passkeys (WebAuthn): a signed-in user registers, lists, renames and deletes them; anyone signs
/// in with one. The options are WebAuthn's JSON forms, for <c>PublicKeyCredential.parse…FromJSON</c>.
/// </summary>
public static class PasskeyEndpoints
{
    public const string BasePath = AuthEndpoints.BasePath + "/passkeys";

    public static IEndpointRouteBuilder MapPasskeyEndpoints(this IEndpointRouteBuilder app)
    {
        var passkeys = app.MapGroup(BasePath).WithTags("Passkeys");
        var owned = passkeys.MapGroup(string.Empty).RequireAuthorization();
        owned.MapPost("/register/options", BeginRegistrationAsync);
        owned.MapPost("/register", RegisterAsync).Accepts<RegisterPasskeyRequest>("application/json");
        owned.MapGet(string.Empty, ListAsync);
        owned.MapPatch("/{id:guid}", RenameAsync).Accepts<RenamePasskeyRequest>("application/json");
        owned.MapDelete("/{id:guid}", DeleteAsync);

        // Signing in shares the per-IP budget of password login.
        passkeys.MapPost("/login/options", BeginLoginAsync).Accepts<PasskeyLoginOptionsRequest>(isOptional: true, "application/json")
            .RequireRateLimiting(RateLimitingSetup.LoginPolicy);
        passkeys.MapPost("/login", LoginAsync).Accepts<PasskeyLoginRequest>("application/json")
            .RequireRateLimiting(RateLimitingSetup.LoginPolicy)
            .WithMetadata(new BrowserTransportHeaders(NeedsCsrfToken: false))
            .ProducesProblems(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<Ok<CreationOptions>> BeginRegistrationAsync(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new BeginPasskeyRegistrationCommand(http.User.GetUserId()), ct));

    private static async Task<Created<PasskeyDto>> RegisterAsync(HttpContext http, ISender sender, CancellationToken ct)
    {
        var body = await http.Request.ReadJsonAsync<RegisterPasskeyRequest>(ct);
        var passkey = await sender.Send(new RegisterPasskeyCommand(http.User.GetUserId(), body.Credential, body.Name), ct);
        return TypedResults.Created(BasePath, passkey);
    }

    private static async Task<Ok<IReadOnlyList<PasskeyDto>>> ListAsync(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListPasskeysQuery(http.User.GetUserId()), ct));

    private static async Task<Ok<PasskeyDto>> RenameAsync(Guid id, HttpContext http, ISender sender, CancellationToken ct)
    {
        var body = await http.Request.ReadJsonAsync<RenamePasskeyRequest>(ct);
        return TypedResults.Ok(await sender.Send(new RenamePasskeyCommand(http.User.GetUserId(), id, body.Name), ct));
    }

    private static async Task<NoContent> DeleteAsync(Guid id, HttpContext http, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeletePasskeyCommand(http.User.GetUserId(), id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PasskeyLoginOptions>> BeginLoginAsync(HttpContext http, ISender sender, CancellationToken ct)
    {
        await http.Request.ReadOptionalJsonAsync<PasskeyLoginOptionsRequest>(ct);
        return TypedResults.Ok(await sender.Send(new BeginPasskeyLoginCommand(), ct));
    }

    /// <summary>The same answer as password login, browser mode included; never a second-factor challenge.</summary>
    private static async Task<Results<Ok<AuthResult>, Ok<BrowserAuthResponse>>> LoginAsync(
        HttpContext http, ISender sender, BrowserTransport browser, CancellationToken ct)
    {
        var body = await http.Request.ReadJsonAsync<PasskeyLoginRequest>(ct);
        var result = await sender.Send(new PasskeyLoginCommand(body.FlowId ?? string.Empty, body.Credential, http.GetClientInfo()), ct);
        return BrowserTransport.IsRequested(http)
            ? TypedResults.Ok(AuthEndpoints.ToBrowser(http, browser, result))
            : TypedResults.Ok(result);
    }
}
