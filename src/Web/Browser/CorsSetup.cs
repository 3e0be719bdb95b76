namespace ShopEase.Web.Browser;

/// <summary>
/// Only origins in <c>Cors:AllowedOrigins</c> (default <c>http://localhost:3000</c>) get CORS headers, with
/// credentials so the refresh cookie travels; any other origin gets none at all.
/// </summary>
public static class CorsSetup
{
    public const string PolicyName = "frontends";

    public static IServiceCollection AddFrontendCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? ["http://localhost:3000"];
        services.AddCors(o => o.AddPolicy(PolicyName, policy => policy
            .WithOrigins(origins)
            .AllowCredentials()
            .WithMethods("GET", "POST", "PATCH", "DELETE")
            .WithHeaders("Content-Type", "Authorization", BrowserTransport.ModeHeader, BrowserTransport.CsrfHeader)
            .WithExposedHeaders("Retry-After", "Location")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }
}
