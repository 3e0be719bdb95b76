using System.Globalization;
using Npgsql;
using ShopEase.Infrastructure.Persistence;

namespace ShopEase.Web.ExceptionHandling;

/// <summary>
/// While PostgreSQL is away, or slower than <c>Database:Timeout</c> (the Npgsql connect and command
/// timeouts), a request answers 503
/// <c>service_unavailable</c> with Retry-After, never 500 or a hang.
/// </summary>
public static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 5;

    public static bool Applies(Exception? exception) => DatabaseFailures.IsUnavailable(exception);

    public static Task WriteAsync(HttpContext http, Exception? exception)
    {
        // Pooled connections to a server that went away are all dead; drop them so the first
        // requests after it returns do not each trip over one.
        if (DatabaseFailures.IsUnavailable(exception))
        {
            http.RequestServices.GetRequiredService<NpgsqlDataSource>().Clear();
        }

        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return http.RequestServices.GetRequiredService<ProblemWriter>().WriteAsync(
            http, StatusCodes.Status503ServiceUnavailable, ProblemCodes.ServiceUnavailable,
            "The service is briefly unavailable; try again shortly.");
    }
}
