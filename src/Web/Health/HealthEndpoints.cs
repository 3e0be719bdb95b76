using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

using ShopEase.Web.Endpoints;

namespace ShopEase.Web.Health;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: and its database is usable.
/// Route handlers over <see cref="HealthCheckService"/> rather than the health-check middleware,
/// so that both answers are in the OpenAPI document like every other route.
/// </summary>
public sealed class HealthEndpoints : IEndpointGroup
{
    public const string ReadyTag = "ready";

    public void Map(IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").DisableRateLimiting();
        health.MapGet("/live", Live);
        health.MapGet("/ready", ReadyAsync).Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
    }

    private static Ok<HealthResponse> Live(HttpContext http)
    {
        NoStore(http);
        return TypedResults.Ok(new HealthResponse(HealthStatus.Healthy));
    }

    // Status only: descriptions and exceptions stay in the logs.
    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> ReadyAsync(
        HealthCheckService health, HttpContext http, CancellationToken ct)
    {
        NoStore(http);
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), ct);
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(new HealthResponse(report.Status), statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(new HealthResponse(report.Status));
    }

    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";
}
