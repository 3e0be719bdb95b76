using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using ShopEase.Infrastructure.Metrics;

namespace ShopEase.Infrastructure.Email;

/// <summary>
/// The outbox backlog as a gauge: mail still to send (<c>pending</c>) and mail given up on and not yet
/// deleted by housekeeping (<c>dead_lettered</c>). A scrape must not wait on the database, so each node
/// counts every <c>Email:BacklogCountInterval</c> and the gauge reports the last count. The count is of the
/// one shared outbox: every node reports the same figure (aggregate with max, not sum). It runs whether or
/// not a mail server is set, since mail waiting with no server to take it is what the gauge should show.
/// </summary>
internal sealed partial class EmailOutboxBacklog : BackgroundService
{
    private const string CountBacklog = """
        SELECT count(*) FILTER (WHERE sent_at IS NULL AND dead_at IS NULL),
               count(*) FILTER (WHERE dead_at IS NOT NULL)
        FROM email_outbox
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly IOptions<EmailDeliveryOptions> _options;
    private readonly ILogger<EmailOutboxBacklog> _logger;
    private long _pending;
    private long _deadLettered;
    private bool _counted;

    public EmailOutboxBacklog(
        NpgsqlDataSource dataSource,
        IOptions<EmailDeliveryOptions> options,
        IMeterFactory meterFactory,
        ILogger<EmailOutboxBacklog> logger)
    {
        _dataSource = dataSource;
        _options = options;
        _logger = logger;
        meterFactory.Create(Telemetry.MeterName).CreateObservableGauge(
            "shopease.email.outbox.messages",
            Observe,
            "{message}",
            "Mail in the outbox by state: pending (still to send), dead_lettered (given up on); counted every Email:BacklogCountInterval.");
    }

    /// <summary>Counts the backlog now; the gauge reports this count until the next one.</summary>
    public async Task CountAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(CountBacklog);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        Volatile.Write(ref _pending, reader.GetInt64(0));
        Volatile.Write(ref _deadLettered, reader.GetInt64(1));
        Volatile.Write(ref _counted, true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CountAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is away: the gauge keeps its last count, and the next round tries again.
                LogCountFailed(_logger, ex);
            }

            await Task.Delay(_options.Value.BacklogCountInterval, stoppingToken);
        }
    }

    private IEnumerable<Measurement<long>> Observe()
    {
        // Before the first count there is nothing true to report; a 0 would claim an empty outbox.
        if (!Volatile.Read(ref _counted))
        {
            return [];
        }

        return
        [
            new Measurement<long>(Volatile.Read(ref _pending), new KeyValuePair<string, object?>("state", "pending")),
            new Measurement<long>(Volatile.Read(ref _deadLettered), new KeyValuePair<string, object?>("state", "dead_lettered")),
        ];
    }

    [LoggerMessage(EventId = 2507, Level = LogLevel.Warning, Message = "Counting the outbox backlog failed; the gauge keeps its last count")]
    private static partial void LogCountFailed(ILogger logger, Exception exception);
}
