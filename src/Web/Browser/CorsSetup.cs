using Microsoft.AspNetCore.Cors.Infrastructure;

namespace ShopEase.Web.Browser;

/// <summary>
/// Only origins in <c>Cors:AllowedOrigins</c> get CORS headers, with credentials so the refresh cookie
/// travels; any other origin gets none at all. Unset, the list is <c>http://localhost:3000</c> in
/// Development and empty everywhere else. The methods and request headers allowed are the ones the
/// endpoints accept (<see cref="AcceptedRequests"/>), so a new route or header is allowed without a list to edit.
/// </summary>
public static class CorsSetup
{
    public const string PolicyName = "frontends";
    public const string DevelopmentOrigin = "http://localhost:3000";

    public static IServiceCollection AddFrontendCors(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>();
        services.AddCors();

        // Materialised on the first request, once every endpoint is mapped.
        services.AddOptions<CorsOptions>().Configure<EndpointDataSource, IHostEnvironment>((cors, endpoints, environment) =>
        {
            var origins = configured ?? (environment.IsDevelopment() ? [DevelopmentOrigin] : []);
            cors.AddPolicy(PolicyName, policy => policy
                .WithOrigins(origins)
                .AllowCredentials()
                .WithMethods(AcceptedRequests.Methods(endpoints.Endpoints))
                .WithHeaders(AcceptedRequests.Headers(endpoints.Endpoints))
                .WithExposedHeaders("Retry-After", "Location")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
        });
        return services;
    }
}
