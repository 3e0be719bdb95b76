using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ShopEase.Application.Auth.Commands.Login;
using ShopEase.Application.Auth.Commands.LoginMfa;
using ShopEase.Application.Auth.Commands.Logout;
using ShopEase.Application.Auth.Commands.Refresh;
using ShopEase.Application.Auth.Commands.Register;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Auth.Queries.GetCurrentUser;
using ShopEase.Application.Auth.Queries.VerifyToken;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Web.Authentication;
using ShopEase.Web.Browser;
using ShopEase.Web.Endpoints.Requests;
using ShopEase.Web.ExceptionHandling;
using ShopEase.Web.Http;
using ShopEase.Web.OpenApi;
using ShopEase.Web.RateLimiting;

namespace ShopEase.Web.Endpoints;

/// <summary>The /api/auth routes: HTTP in, a command or query to the mediator, HTTP out.</summary>
public sealed class AuthEndpoints : IEndpointGroup
{
    public const string BasePath = "/api/auth";
    public const string CurrentUserPath = BasePath + "/me";

    public void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup(BasePath).WithTags("Auth");
        auth.MapPost("/register", RegisterAsync)
            .RequireRateLimiting(RateLimitingSetup.RegisterPolicy)
            .WithMetadata(new BrowserTransportHeaders(NeedsCsrfToken: false));
        auth.MapPost("/login", LoginAsync)
            .RequireRateLimiting(RateLimitingSetup.LoginPolicy)
            .WithMetadata(new BrowserTransportHeaders(NeedsCsrfToken: false))
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        // The second step of a login that answered mfaRequired: shares the login's per-IP budget.
        auth.MapPost("/login/mfa", LoginMfaAsync)
            .RequireRateLimiting(RateLimitingSetup.LoginPolicy)
            .WithMetadata(new BrowserTransportHeaders(NeedsCsrfToken: false))
            .ProducesProblems(StatusCodes.Status401Unauthorized);
        // Browser mode sends no body to refresh and logout: the refresh token is in the cookie.
        auth.MapPost("/token/refresh", RefreshAsync)
            .WithMetadata(new BrowserTransportHeaders(NeedsCsrfToken: true))
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests);
        auth.MapPost("/token/verify", VerifyAsync)
            .ProducesProblems(StatusCodes.Status401Unauthorized);
        auth.MapPost("/logout", LogoutAsync)
            .RequireAuthorization()
            .WithMetadata(new TokenNotValidStatus(StatusCodes.Status400BadRequest), new BrowserTransportHeaders(NeedsCsrfToken: true))
            .Produces(StatusCodes.Status205ResetContent);
        auth.MapGet("/me", MeAsync).RequireAuthorization();
    }

    private static async Task<Results<Created<AuthResult>, Created<BrowserAuthResponse>, Created<UserResult>>> RegisterAsync(
        CredentialsRequest body, HttpContext http, ISender sender, BrowserTransport browser, CancellationToken ct)
    {
        var result = await sender.Send(
            new RegisterCommand(body.Email ?? string.Empty, body.Password ?? string.Empty, http.GetClientInfo()), ct);

        // Verified email required: the account, and tokens only once it logs in after verifying.
        if (result.Session is not { } session)
        {
            return TypedResults.Created(CurrentUserPath, new UserResult(result.User));
        }

        return BrowserTransport.IsRequested(http)
            ? TypedResults.Created(CurrentUserPath, ToBrowser(http, browser, session))
            : TypedResults.Created(CurrentUserPath, session);
    }

    /// <summary>An account with a second factor gets no tokens yet, in either mode: only the mfaToken.</summary>
    private static async Task<Results<Ok<AuthResult>, Ok<BrowserAuthResponse>, Ok<MfaRequiredResult>>> LoginAsync(
        CredentialsRequest body, HttpContext http, ISender sender, BrowserTransport browser, CancellationToken ct)
    {
        var outcome = await sender.Send(
            new LoginCommand(body.Email ?? string.Empty, body.Password ?? string.Empty, http.GetClientInfo()), ct);
        if (outcome.MfaRequired is { } challenge)
        {
            return TypedResults.Ok(challenge);
        }

        var result = outcome.Session!;
        return BrowserTransport.IsRequested(http)
            ? TypedResults.Ok(ToBrowser(http, browser, result))
            : TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<AuthResult>, Ok<BrowserAuthResponse>>> LoginMfaAsync(
        LoginMfaRequest body, HttpContext http, ISender sender, BrowserTransport browser, CancellationToken ct)
    {
        var result = await sender.Send(
            new LoginMfaCommand(body.MfaToken ?? string.Empty, body.Code, body.RecoveryCode, http.GetClientInfo()), ct);
        return BrowserTransport.IsRequested(http)
            ? TypedResults.Ok(ToBrowser(http, browser, result))
            : TypedResults.Ok(result);
    }

    /// <summary>Browser mode sends no body (the refresh token is in the cookie); body mode must send one.</summary>
    private static async Task<Results<Ok<TokenPair>, Ok<BrowserTokenResponse>>> RefreshAsync(
        RefreshRequest? body, HttpContext http, ISender sender, BrowserTransport browser, CancellationToken ct)
    {
        BrowserTransport.RefuseMixedTransports(http, body?.Refresh);
        if (!BrowserTransport.IsRequested(http))
        {
            return TypedResults.Ok(await sender.Send(new RefreshTokenCommand(RequireBody(body).Refresh ?? string.Empty), ct));
        }

        var sessionId = browser.RequireCsrf(http);
        var cookie = BrowserTransport.RefreshCookie(http) ?? throw new TokenNotValidException();
        var pair = await sender.Send(new RefreshTokenCommand(cookie, sessionId), ct);
        return TypedResults.Ok(browser.Deliver(http, sessionId, pair));
    }

    private static async Task<Ok<TokenVerified>> VerifyAsync(VerifyRequest body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new VerifyTokenQuery(body.Token ?? string.Empty), ct));

    private static async Task<StatusCodeHttpResult> LogoutAsync(
        RefreshRequest? body, HttpContext http, ISender sender, BrowserTransport browser, CancellationToken ct)
    {
        BrowserTransport.RefuseMixedTransports(http, body?.Refresh);
        if (!BrowserTransport.IsRequested(http))
        {
            await sender.Send(new LogoutCommand(http.User.GetUserId(), RequireBody(body).Refresh ?? string.Empty), ct);
            return TypedResults.StatusCode(StatusCodes.Status205ResetContent);
        }

        var sessionId = browser.RequireCsrf(http);
        if (sessionId != http.User.GetSessionId())
        {
            throw new CsrfFailedException();
        }

        var cookie = BrowserTransport.RefreshCookie(http) ?? throw new TokenNotValidException();
        await sender.Send(new LogoutCommand(http.User.GetUserId(), cookie, sessionId), ct);
        BrowserTransport.ClearCookies(http);
        return TypedResults.StatusCode(StatusCodes.Status205ResetContent);
    }

    private static RefreshRequest RequireBody(RefreshRequest? body) =>
        body ?? throw new BadHttpRequestException("The request body is empty; send a JSON object.");

    internal static BrowserAuthResponse ToBrowser(HttpContext http, BrowserTransport browser, AuthResult result)
    {
        var csrfToken = browser.IssueCsrf(result.SessionId);
        browser.SetCookies(http, result.Refresh, csrfToken);
        return new BrowserAuthResponse(result.User, result.Access, csrfToken, result.TokenType, result.ExpiresIn);
    }

    private static async Task<Ok<CurrentUserDto>> MeAsync(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCurrentUserQuery(http.User.GetUserId()), ct));
}
