using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing.Patterns;

namespace ShopEase.Web.ExceptionHandling;

/// <summary>
/// Gives the bodiless answers of routing (404, 405, 415, ...) our problem body; 405 also gets <c>Allow</c>, and a 404
/// for a malformed id the title of the route it missed (<see cref="NotFoundTitle"/>).
/// </summary>
public static class StatusCodeProblems
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<ProblemWriter>();
        switch (http.Response.StatusCode)
        {
            case StatusCodes.Status404NotFound:
                var title = EndpointsOnPath(http).Select(e => e.Metadata.GetMetadata<NotFoundTitle>()?.Title).FirstOrDefault(t => t is not null);
                await problems.WriteAsync(http, StatusCodes.Status404NotFound, ProblemCodes.NotFound, title ?? "Not found.");
                break;
            case StatusCodes.Status405MethodNotAllowed:
                var allowed = AllowedMethods(http);
                if (allowed.Length > 0)
                {
                    http.Response.Headers.Allow = string.Join(", ", allowed);
                }

                await problems.WriteAsync(http, StatusCodes.Status405MethodNotAllowed, ProblemCodes.MethodNotAllowed,
                    "The method is not allowed on this route.");
                break;
            case StatusCodes.Status415UnsupportedMediaType:
                await problems.WriteAsync(http, StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType,
                    "Send the body as application/json.");
                break;
            case StatusCodes.Status401Unauthorized:
                await problems.WriteAsync(http, StatusCodes.Status401Unauthorized, ProblemCodes.NotAuthenticated,
                    "Authentication is required.");
                break;
            case StatusCodes.Status403Forbidden:
                await problems.WriteAsync(http, StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Not allowed.");
                break;
            case StatusCodes.Status413PayloadTooLarge:
                await problems.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge,
                    "The request body is too large.");
                break;
            case >= 500:
                await problems.WriteAsync(http, http.Response.StatusCode, ProblemCodes.InternalError, "An unexpected error occurred.");
                break;
            default:
                await problems.WriteAsync(http, http.Response.StatusCode, ProblemCodes.MalformedRequest, "The request could not be served.");
                break;
        }
    }

    private static string[] AllowedMethods(HttpContext http) =>
        EndpointsOnPath(http)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The routes whose literal segments match the path, whatever their parameters' constraints say.</summary>
    private static IEnumerable<RouteEndpoint> EndpointsOnPath(HttpContext http)
    {
        var path = http.Request.Path.Value?.TrimEnd('/') ?? string.Empty;
        return http.RequestServices.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => Matches(e.RoutePattern, path));
    }

    private static bool Matches(RoutePattern pattern, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length != pattern.PathSegments.Count)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var parts = pattern.PathSegments[i].Parts;
            var literal = parts.Count == 1 && parts[0] is RoutePatternLiteralPart l ? l.Content : null;
            if (literal is not null && !literal.Equals(segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
