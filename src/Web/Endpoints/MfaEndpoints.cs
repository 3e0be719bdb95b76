using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ShopEase.Application.Mfa.Commands.ConfirmTotp;
using ShopEase.Application.Mfa.Commands.DisableTotp;
using ShopEase.Application.Mfa.Commands.RegenerateRecoveryCodes;
using ShopEase.Application.Mfa.Commands.SetupTotp;
using ShopEase.Application.Mfa.Models;
using ShopEase.Web.Authentication;
using ShopEase.Web.Endpoints.Requests;

namespace ShopEase.Web.Endpoints;

/// <summary>
/// The caller's second factor: set up and confirm TOTP, turn it off, renew the recovery codes. The
/// second step of a login (<c>POST /api/auth/login/mfa</c>) is with the other login routes.
/// </summary>
public sealed class MfaEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var mfa = app.MapGroup(AuthEndpoints.BasePath + "/mfa").WithTags("Second factor").RequireAuthorization();

        // A wrong password counts towards the login lockout, so these can answer 429.
        mfa.MapPost("/totp/setup", SetupAsync)
            .ProducesProblems(StatusCodes.Status429TooManyRequests);
        mfa.MapPost("/totp/confirm", ConfirmAsync);
        mfa.MapPost("/totp/disable", DisableAsync)
            .ProducesProblems(StatusCodes.Status429TooManyRequests);
        mfa.MapPost("/recovery-codes", RegenerateRecoveryCodesAsync)
            .ProducesProblems(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<Ok<TotpSetupResult>> SetupAsync(PasswordRequest body, HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SetupTotpCommand(http.User.GetUserId(), body.Password ?? string.Empty), ct));

    private static async Task<Ok<RecoveryCodesResult>> ConfirmAsync(MfaCodeRequest body, HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ConfirmTotpCommand(http.User.GetUserId(), body.Code ?? string.Empty), ct));

    private static async Task<NoContent> DisableAsync(PasswordAndCodeRequest body, HttpContext http, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DisableTotpCommand(http.User.GetUserId(), body.Password ?? string.Empty, body.Code ?? string.Empty), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<RecoveryCodesResult>> RegenerateRecoveryCodesAsync(
        PasswordAndCodeRequest body, HttpContext http, ISender sender, CancellationToken ct)
    {
        var command = new RegenerateRecoveryCodesCommand(http.User.GetUserId(), body.Password ?? string.Empty, body.Code ?? string.Empty);
        return TypedResults.Ok(await sender.Send(command, ct));
    }
}
