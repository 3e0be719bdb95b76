using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Web.Authentication;
using ShopEase.Web.RateLimiting;

namespace ShopEase.Web.ExceptionHandling;

/// <summary>
/// The one place exceptions become HTTP: a <see cref="ProblemException"/> gets the status and code it carries,
/// the few failures that need more (field errors, a header, a status the route decides) get their own case,
/// anything else a bare 500 with a trace id. No message of an unexpected exception ever reaches the client.
/// </summary>
public sealed partial class ApiExceptionHandler(ProblemWriter problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseUnavailable.Applies(exception))
        {
            LogDatabaseUnavailable(logger, exception.GetType().Name, httpContext.Request.Method, httpContext.Request.Path);
            await DatabaseUnavailable.WriteAsync(httpContext, exception);
            return true;
        }

        switch (exception)
        {
            case ValidationFailedException validation:
                await problems.WriteAsync(httpContext, StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed,
                    "One or more fields are invalid.", validation.Errors);
                break;
            case InvalidMfaCodeException:
                await WriteInvalidMfaCodeAsync(httpContext);
                break;
            case RateLimitedException limited:
                await RateLimitingSetup.WriteRateLimitedAsync(httpContext, limited.RetryAfter);
                break;
            case ServiceBusyException busy:
                LogServiceBusy(logger, httpContext.Request.Method, httpContext.Request.Path);
                await ServiceUnavailable.WriteAsync(httpContext, busy.RetryAfter);
                break;
            case TokenNotValidException:
                await WriteTokenNotValidAsync(httpContext);
                break;
            case BadHttpRequestException badRequest:
                await WriteBadRequestAsync(httpContext, badRequest);
                break;
            case ProblemException problem:
                await problems.WriteAsync(httpContext, problem.Status, problem.Code, problem.Message);
                break;
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                // The client went away; nobody is left to answer.
                httpContext.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
                break;
            default:
                LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
                await problems.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, ProblemCodes.InternalError,
                    "An unexpected error occurred.");
                break;
        }

        return true;
    }

    private async Task WriteTokenNotValidAsync(HttpContext httpContext)
    {
        // The exception handler middleware clears the endpoint before calling us; the feature keeps it.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var status = endpoint?.Metadata.GetMetadata<TokenNotValidStatus>()?.StatusCode ?? StatusCodes.Status401Unauthorized;
        if (status == StatusCodes.Status401Unauthorized && endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null)
        {
            httpContext.Response.Headers.WWWAuthenticate = BearerChallenge.InvalidToken;
        }

        await problems.WriteAsync(httpContext, status, ProblemCodes.TokenNotValid, "The token is not valid.");
    }

    private async Task WriteInvalidMfaCodeAsync(HttpContext httpContext)
    {
        // A signed-in route's 401 names its scheme; the token itself was fine, so no error attribute.
        if (httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null)
        {
            httpContext.Response.Headers.WWWAuthenticate = BearerChallenge.NoToken;
        }

        await problems.WriteAsync(httpContext, StatusCodes.Status401Unauthorized, ProblemCodes.InvalidMfaCode,
            "The code is not valid.");
    }

    private Task WriteBadRequestAsync(HttpContext httpContext, BadHttpRequestException exception) =>
        exception.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => problems.WriteAsync(httpContext, exception.StatusCode,
                ProblemCodes.PayloadTooLarge, "The request body is too large."),
            StatusCodes.Status415UnsupportedMediaType => problems.WriteAsync(httpContext, exception.StatusCode,
                ProblemCodes.UnsupportedMediaType, "Send the body as application/json."),
            _ when exception.InnerException is JsonException json
                && JsonBindingFailure.AsFieldError(json, BodyType(httpContext)) is { } wrongType =>
                problems.WriteAsync(httpContext, StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed,
                    "One or more fields are invalid.", wrongType.Errors),
            _ => problems.WriteAsync(httpContext, StatusCodes.Status400BadRequest,
                ProblemCodes.MalformedRequest, MalformedDetail(httpContext, exception)),
        };

    // Names what is wrong with the body, so that a client can fix its request.
    private static string MalformedDetail(HttpContext httpContext, BadHttpRequestException exception) =>
        exception.InnerException is JsonException json ? JsonBindingFailure.Describe(json)
        : BodyType(httpContext) is not null ? "The request body is empty or null; send a JSON object."
        : "The request could not be read.";

    private static Type? BodyType(HttpContext httpContext) =>
        httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Database unavailable ({Exception}) for {Method} {Path}: answered 503")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string exception, string method, PathString path);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Password hashing queue full for {Method} {Path}: answered 503")]
    private static partial void LogServiceBusy(ILogger logger, string method, PathString path);

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
