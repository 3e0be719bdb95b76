using System.Globalization;
using Npgsql;
using ShopEase.Infrastructure.Persistence;
using ShopEase.Web.Http;

namespace ShopEase.Web.ExceptionHandling;

/// <summary>
/// While PostgreSQL is away, or slower than the deadline, a request answers 503
/// <c>service_unavailable</c> with Retry-After, never 500 or a hang.
/// </summary>
public static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 5;

    public static bool Applies(HttpContext http, Exception? exception) =>
        DatabaseFailures.IsUnavailable(exception)
        || (exception is OperationCanceledException && RequestDeadlineMiddleware.DeadlinePassed(http));

    public static Task WriteAsync(HttpContext http, Exception? exception)
    {
        // Pooled connections to a server that went away are all dead; drop them so the first
        // requests after it returns do not each trip over one.
        if (DatabaseFailures.IsUnavailable(exception))
        {
            http.RequestServices.GetRequiredService<NpgsqlDataSource>().Clear();
        }

        RequestDeadlineMiddleware.RestoreClientToken(http);
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return http.RequestServices.GetRequiredService<ProblemWriter>().WriteAsync(
            http, StatusCodes.Status503ServiceUnavailable, ProblemCodes.ServiceUnavailable,
            "The service is briefly unavailable; try again shortly.");
    }
}
