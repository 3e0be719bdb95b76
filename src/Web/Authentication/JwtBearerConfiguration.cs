using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using ShopEase.Infrastructure.Security;
using ShopEase.Web.ExceptionHandling;

namespace ShopEase.Web.Authentication;

/// <summary>
/// Points JwtBearer at the same handler and parameters as the verify endpoint, reads tokens from
/// the Authorization header only, and answers 401/403 with our problem bodies.
/// </summary>
public sealed class JwtBearerConfiguration(AccessTokenValidator validator) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options) => Configure(options);

    public void Configure(JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(validator.Handler);
        options.TokenValidationParameters = validator.Parameters;
        options.Events = new JwtBearerEvents
        {
            OnChallenge = async context =>
            {
                context.HandleResponse();
                var http = context.HttpContext;

                // The revocation check could not reach the database: that is an outage, not a bad token.
                if (DatabaseUnavailable.Applies(context.AuthenticateFailure))
                {
                    await DatabaseUnavailable.WriteAsync(http, context.AuthenticateFailure);
                    return;
                }

                var tokenSent = http.Request.Headers.Authorization.Count > 0;
                http.Response.Headers.WWWAuthenticate = tokenSent ? BearerChallenge.InvalidToken : BearerChallenge.NoToken;
                var problems = http.RequestServices.GetRequiredService<ProblemWriter>();
                await (tokenSent
                    ? problems.WriteAsync(http, StatusCodes.Status401Unauthorized, ProblemCodes.TokenNotValid, "The token is not valid.")
                    : problems.WriteAsync(http, StatusCodes.Status401Unauthorized, ProblemCodes.NotAuthenticated, "Authentication is required."));
            },
            OnForbidden = context =>
                context.HttpContext.RequestServices.GetRequiredService<ProblemWriter>()
                    .WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Not allowed."),
        };
    }
}
