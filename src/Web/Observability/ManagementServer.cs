using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace ShopEase.Web.Observability;

/// <summary>
/// A second, minimal Kestrel server on the management port that serves only the Prometheus scrape of the
/// app's own meter provider. The public server has no such route at all, so no Host header or proxy
/// mistake can expose it there, and nothing of the API runs on this port.
/// </summary>
internal sealed partial class ManagementServer(
    IOptions<ManagementOptions> options, MeterProvider meterProvider, ILogger<ManagementServer> logger) : IHostedService, IAsyncDisposable
{
    public const string ScrapePath = "/metrics";

    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Port is not { } port)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{options.Value.Address}:{port}");
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        _server = builder.Build();
        _server.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, ScrapePath, configureBranchedPipeline: null, optionsName: null);
        await _server.StartAsync(cancellationToken);
        LogListening(logger, options.Value.Address, port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Metrics for Prometheus at http://{Address}:{Port}/metrics")]
    private static partial void LogListening(ILogger logger, string address, int port);
}
