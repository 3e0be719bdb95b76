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
public sealed class PasskeyEndpoints : IEndpointGroup
{
    private const string Segment = "/passkeys";

    public const string BasePath = AuthEndpoints.BasePath + Segment;

    public void Map(IEndpointRouteBuilder app)
    {
        // Grouped on /api/auth so that the list is routed as exactly /api/auth/passkeys, with no trailing slash.
        var passkeys = app.MapGroup(AuthEndpoints.BasePath).WithTags("Passkeys");
        var owned = app.MapGroup(AuthEndpoints.BasePath).WithTags("Passkeys").RequireAuthorization();
        owned.MapPost($"{Segment}/register/options", BeginRegistrationAsync);
        owned.MapPost($"{Segment}/register", RegisterAsync);
        owned.MapGet(Segment, ListAsync);

        // A GUID only, so that PATCH or DELETE of /passkeys/login or /passkeys/register is 405 for those paths,
        // not a search for a passkey named "login"; any other id is 404 like an unknown one.
        owned.MapPatch(Segment + "/{id:guid}", RenameAsync);

        // 400: the last passkey of an account without a password stays.
        owned.MapDelete(Segment + "/{id:guid}", DeleteAsync).ProducesProblems(StatusCodes.Status400BadRequest);

        // Signing in shares the per-IP budget of password login.
        passkeys.MapPost($"{Segment}/login/options", BeginLoginAsync)
            .RequireRateLimiting(RateLimitingSetup.LoginPolicy);
        passkeys.MapPost($"{Segment}/login", LoginAsync)
            .RequireRateLimiting(RateLimitingSetup.LoginPolicy)
            .WithMetadata(new BrowserTransportHeaders(NeedsCsrfToken: false))
            .ProducesProblems(StatusCodes.Status401Unauthorized);
    }

    private static async Task<Ok<CreationOptions>> BeginRegistrationAsync(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new BeginPasskeyRegistrationCommand(http.User.GetUserId()), ct));

    private static async Task<Created<PasskeyDto>> RegisterAsync(RegisterPasskeyRequest body, HttpContext http, ISender sender, CancellationToken ct)
    {
        var passkey = await sender.Send(new RegisterPasskeyCommand(http.User.GetUserId(), body.Credential, body.Name), ct);
        return TypedResults.Created(BasePath, passkey);
    }

    private static async Task<Ok<IReadOnlyList<PasskeyDto>>> ListAsync(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListPasskeysQuery(http.User.GetUserId()), ct));

    private static async Task<Ok<PasskeyDto>> RenameAsync(Guid id, RenamePasskeyRequest body, HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RenamePasskeyCommand(http.User.GetUserId(), id, body.Name), ct));

    private static async Task<NoContent> DeleteAsync(Guid id, HttpContext http, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeletePasskeyCommand(http.User.GetUserId(), id), ct);
        return TypedResults.NoContent();
    }

    /// <summary>The body is bound only so that a malformed one is refused; it carries nothing.</summary>
    private static async Task<Ok<PasskeyLoginOptions>> BeginLoginAsync(PasskeyLoginOptionsRequest? _, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new BeginPasskeyLoginCommand(), ct));

    /// <summary>The same answer as password login, browser mode included; never a second-factor challenge.</summary>
    private static async Task<Results<Ok<AuthResult>, Ok<BrowserAuthResponse>>> LoginAsync(
        PasskeyLoginRequest body, HttpContext http, ISender sender, BrowserTransport browser, CancellationToken ct)
    {
        var result = await sender.Send(new PasskeyLoginCommand(body.FlowId ?? string.Empty, body.Credential, http.GetClientInfo()), ct);
        return BrowserTransport.IsRequested(http)
            ? TypedResults.Ok(AuthEndpoints.ToBrowser(http, browser, result))
            : TypedResults.Ok(result);
    }
}
