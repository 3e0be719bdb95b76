using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ShopEase.Infrastructure.Metrics;

namespace ShopEase.Web.Observability;

/// <summary>
/// OpenTelemetry: ASP.NET Core's HTTP metrics, Npgsql's and ShopEase's own counters, scraped by Prometheus on
/// the management port; traces of requests and their SQL (Npgsql) and OTLP export of both, when an OTLP
/// endpoint is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, the exporter's standard variables).
/// </summary>
public static class ObservabilitySetup
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ManagementOptions>()
            .Bind(configuration.GetSection(ManagementOptions.SectionName))
            .Validate(o => o.Port is null or > 0 and <= 65535, "Management:Port must be a TCP port (1-65535).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Address), "Management:Address must not be empty.")
            .ValidateOnStart();
        services.AddHostedService<ManagementServer>();

        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("shopease"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(Telemetry.MeterName, Telemetry.PasswordHashingMeterName, "Npgsql").AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });

        // A trace is only worth its cost per request when someone collects it.
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddNpgsql().AddOtlpExporter());
        }

        return services;
    }
}
