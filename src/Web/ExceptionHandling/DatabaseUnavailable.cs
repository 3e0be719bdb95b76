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

        return ServiceUnavailable.WriteAsync(http, TimeSpan.FromSeconds(RetryAfterSeconds));
    }
}
