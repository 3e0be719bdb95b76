using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ShopEase.Application.Email.Commands.ChangeEmail;
using ShopEase.Application.Email.Commands.ForgotPassword;
using ShopEase.Application.Email.Commands.ResendVerification;
using ShopEase.Application.Email.Commands.ResetPassword;
using ShopEase.Application.Email.Commands.VerifyEmail;
using ShopEase.Application.Email.Models;
using ShopEase.Web.Authentication;
using ShopEase.Web.Endpoints.Requests;
using ShopEase.Web.ExceptionHandling;
using ShopEase.Web.RateLimiting;

namespace ShopEase.Web.Endpoints;

/// <summary>
/// Email ownership and account recovery under /api/auth: verification, forgotten passwords, email change.
/// What these routes promise arrives by mail, so most answer 202 at once. Their problem answers all follow
/// from how they are mapped (a body, a token, a rate limit), so none is declared here.
/// </summary>
public sealed class EmailEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup(AuthEndpoints.BasePath).WithTags("Email");
        auth.MapPost("/email/verify", VerifyAsync)
            .WithMetadata(new TokenNotValidStatus(StatusCodes.Status400BadRequest));
        auth.MapPost("/email/verify/resend", ResendAsync)
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitingSetup.ResendVerificationPolicy);
        auth.MapPost("/password/forgot", ForgotAsync)
            .RequireRateLimiting(RateLimitingSetup.ForgotPasswordPolicy)
            .WithMetadata(new AcceptedWhenRateLimited());
        auth.MapPost("/password/reset", ResetAsync)
            .WithMetadata(new TokenNotValidStatus(StatusCodes.Status400BadRequest));
        auth.MapPost("/email", ChangeAsync)
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitingSetup.ChangeEmailPolicy);
    }

    private static async Task<Ok<VerifyEmailResult>> VerifyAsync(EmailTokenRequest body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new VerifyEmailCommand(body.Token ?? string.Empty), ct));

    private static async Task<Accepted<RequestAccepted>> ResendAsync(HttpContext http, ISender sender, CancellationToken ct)
    {
        await sender.Send(new ResendVerificationCommand(http.User.GetUserId()), ct);
        return Accepted();
    }

    private static async Task<Accepted<RequestAccepted>> ForgotAsync(ForgotPasswordRequest body, ISender sender, CancellationToken ct)
    {
        await sender.Send(new ForgotPasswordCommand(body.Email ?? string.Empty), ct);
        return Accepted();
    }

    private static async Task<NoContent> ResetAsync(ResetPasswordRequest body, ISender sender, CancellationToken ct)
    {
        await sender.Send(new ResetPasswordCommand(body.Token ?? string.Empty, body.NewPassword ?? string.Empty), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Accepted<RequestAccepted>> ChangeAsync(
        ChangeEmailRequest body, HttpContext http, ISender sender, CancellationToken ct)
    {
        await sender.Send(
            new ChangeEmailCommand(http.User.GetUserId(), body.NewEmail ?? string.Empty, body.Password ?? string.Empty), ct);
        return Accepted();
    }

    private static Accepted<RequestAccepted> Accepted() => TypedResults.Accepted((string?)null, RequestAccepted.Instance);
}
