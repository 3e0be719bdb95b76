using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using ShopEase.Infrastructure.Health;
using ShopEase.Web.Authentication;
using ShopEase.Web.Browser;
using ShopEase.Web.Health;
using ShopEase.Web.OpenApi;
using ShopEase.Web.RateLimiting;
using ShopEase.Web.ExceptionHandling;
using ShopEase.Web.Http;
using ShopEase.Web.Observability;

namespace ShopEase.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestLimitsOptions>()
            .Bind(configuration.GetSection(RequestLimitsOptions.SectionName))
            .Validate(o => o.MaxRequestBodyBytes > 0, "Http:MaxRequestBodyBytes must be positive.")
            .ValidateOnStart();

        // The framework binds request bodies with these options; ApiExceptionHandler words its failures.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new UtcDateTimeOffsetConverter());

            // A number is a JSON number ("2" is a wrong JSON type), and the document types it as an integer, not "integer or string".
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            o.SerializerOptions.MaxDepth = 32;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSingleton<ProblemWriter>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerConfiguration>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, StaffPolicy>();
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy.Name, policy => policy.RequireAuthenticatedUser().AddRequirements(new StaffPolicy.Requirement()));

        services.AddOptions<BrowserOptions>().Bind(configuration.GetSection(BrowserOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BrowserOptions>, BrowserOptionsValidator>();
        services.AddSingleton<CsrfTokens>();
        services.AddSingleton<BrowserTransport>();
        services.AddFrontendCors(configuration);

        // The framework's default is 30 days without subdomains; a year is what browsers' preload lists ask for.
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddApiRateLimiting();
        services.AddObservability(configuration);
        services.AddTrustedProxies(configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(
            "database", tags: [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(5));

        // SIGTERM: stop accepting, let in-flight requests finish for up to Shutdown:Timeout, exit 0.
        services.Configure<HostOptions>(o =>
            o.ShutdownTimeout = configuration.GetValue("Shutdown:Timeout", TimeSpan.FromSeconds(10)));
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<BearerSecurityTransformer>();
            o.AddOperationTransformer<BearerSecurityTransformer>();
            o.AddOperationTransformer<BrowserTransportHeadersTransformer>();
            o.AddOperationTransformer<AlternativeResponsesTransformer>();
            o.AddOperationTransformer<ProblemResponsesTransformer>();
            o.AddDocumentTransformer<UnroutedResponsesTransformer>();
            o.AddSchemaTransformer<ProblemSchemaTransformer>();
            o.AddSchemaTransformer<UtcTimestampSchemaTransformer>();
        });

        // Binding failures become exceptions our handler turns into problem details, not bare 400s.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        return services;
    }
}
