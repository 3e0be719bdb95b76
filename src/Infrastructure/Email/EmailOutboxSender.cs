using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Email.Commands.IssuePasswordReset;

namespace ShopEase.Infrastructure.Email;

/// <summary>
/// The background sender, on every node: resolves "forgot password" requests into reset mail, and delivers
/// the outbox. Work is claimed with <c>FOR UPDATE SKIP LOCKED</c> and a lease (its next attempt moved past
/// the longest a delivery can take), so nodes running at once never take the same message; a node that
/// dies mid-way leaves the lease to run out, and another node takes the message then. A failed delivery is
/// retried with doubling waits and dead-lettered after <c>Email:MaxAttempts</c> (at once for a permanent
/// refusal). A sent or dead message keeps its row for a while (housekeeping deletes it) but loses its bodies.
/// </summary>
internal sealed partial class EmailOutboxSender(
    NpgsqlDataSource dataSource,
    IServiceScopeFactory scopes,
    IMailTransport transport,
    TimeProvider timeProvider,
    IOptions<EmailDeliveryOptions> options,
    ILogger<EmailOutboxSender> logger) : BackgroundService
{
    private const int RequestBatchSize = 20;
    private const int MessageBatchSize = 50;
    private const int MaxErrorLength = 500;

    private const string ClaimRequests = """
        UPDATE password_reset_requests SET next_attempt_at = $2, attempts = attempts + 1
        WHERE id IN (
            SELECT id FROM password_reset_requests
            WHERE next_attempt_at <= $1 AND attempts < $3
            ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED)
        RETURNING id, email
        """;

    private const string ClaimMessage = """
        UPDATE email_outbox SET next_attempt_at = $2, attempts = attempts + 1, claim_id = $3
        WHERE id = (
            SELECT id FROM email_outbox
            WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= $1
            ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, recipient, subject, text_body, html_body, attempts
        """;

    private const string MarkSent = """
        UPDATE email_outbox SET sent_at = $3, text_body = '', html_body = '', claim_id = NULL, last_error = NULL
        WHERE id = $1 AND claim_id = $2
        """;

    private const string MarkDead = """
        UPDATE email_outbox SET dead_at = $3, text_body = '', html_body = '', claim_id = NULL, last_error = $4
        WHERE id = $1 AND claim_id = $2
        """;

    private const string Reschedule = """
        UPDATE email_outbox SET next_attempt_at = $3, claim_id = NULL, last_error = $4
        WHERE id = $1 AND claim_id = $2
        """;

    /// <summary>True when a mail server is configured; without one nothing is sent and mail waits.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    /// <summary>
    /// How long a claim holds: connect, authenticate and send may each take up to the SMTP timeout, and a
    /// message must never be taken by a second node while the first may still be sending it.
    /// </summary>
    private TimeSpan Lease => options.Value.Smtp.Timeout * 4 + TimeSpan.FromSeconds(30);

    /// <summary>Resolves the reset requests and delivers the mail that are due now.</summary>
    /// <returns>How many requests and messages were handled.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        await ResolveResetRequestsAsync(cancellationToken) + await DeliverDueAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            LogNoMailServer(logger);
            return;
        }

        var failureDelay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The waits are real time even where a test drives the app's clock, which stamps the rows.
                if (await RunOnceAsync(stoppingToken) == 0)
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }

                failureDelay = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is away, most likely: mail waits, and the app goes on answering.
                LogRoundFailed(logger, ex, failureDelay.TotalSeconds);
                await Task.Delay(failureDelay, stoppingToken);
                failureDelay = TimeSpan.FromSeconds(Math.Min(failureDelay.TotalSeconds * 2, 30));
            }
        }
    }

    private async Task<int> ResolveResetRequestsAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var requests = new List<(Guid Id, string Email)>();
        await using (var claim = dataSource.CreateCommand(ClaimRequests))
        {
            claim.Parameters.Add(new NpgsqlParameter { Value = now });
            claim.Parameters.Add(new NpgsqlParameter { Value = now + Lease });
            claim.Parameters.Add(new NpgsqlParameter { Value = options.Value.MaxAttempts });
            claim.Parameters.Add(new NpgsqlParameter { Value = RequestBatchSize });
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                requests.Add((reader.GetGuid(0), reader.GetString(1)));
            }
        }

        foreach (var (id, email) in requests)
        {
            // A scope per request: its own DbContext and transaction, through the usual pipeline.
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new IssuePasswordResetCommand(id, email), cancellationToken);
        }

        return requests.Count;
    }

    private async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        while (delivered < MessageBatchSize && await ClaimNextAsync(cancellationToken) is { } claimed)
        {
            await DeliverAsync(claimed, cancellationToken);
            delivered++;
        }

        return delivered;
    }

    private async Task<ClaimedMessage?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var claimId = Guid.CreateVersion7(now);
        await using var claim = dataSource.CreateCommand(ClaimMessage);
        claim.Parameters.Add(new NpgsqlParameter { Value = now });
        claim.Parameters.Add(new NpgsqlParameter { Value = now + Lease });
        claim.Parameters.Add(new NpgsqlParameter { Value = claimId });
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var message = new EmailMessage(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4))
        {
            MessageId = reader.GetGuid(0),
        };
        return new ClaimedMessage(message, claimId, reader.GetInt32(5));
    }

    private async Task DeliverAsync(ClaimedMessage claimed, CancellationToken cancellationToken)
    {
        var id = claimed.Message.MessageId;
        try
        {
            await transport.SendAsync(claimed.Message, cancellationToken);
        }
        catch (MailRejectedException ex)
        {
            LogDeadLettered(logger, id, claimed.Attempt, ex.Message);
            await FinishAsync(MarkDead, claimed, timeProvider.GetUtcNow(), ex.Message);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = Describe(ex);
            if (claimed.Attempt >= options.Value.MaxAttempts)
            {
                // The exception's own text may quote the recipient: it goes to the row, not the log.
                LogDeadLettered(logger, id, claimed.Attempt, ex.GetType().Name);
                await FinishAsync(MarkDead, claimed, timeProvider.GetUtcNow(), error);
                return;
            }

            var wait = RetryDelay(claimed.Attempt);
            LogAttemptFailed(logger, id, claimed.Attempt, ex.GetType().Name, wait.TotalSeconds);
            await FinishAsync(Reschedule, claimed, timeProvider.GetUtcNow() + wait, error);
            return;
        }

        if (!await FinishAsync(MarkSent, claimed, timeProvider.GetUtcNow(), error: null))
        {
            LogLeaseLost(logger, id);
            return;
        }

        LogSent(logger, id, claimed.Attempt);
    }

    /// <returns><c>false</c> when the claim was no longer this sender's.</returns>
    private async Task<bool> FinishAsync(string sql, ClaimedMessage claimed, DateTimeOffset at, string? error)
    {
        // The outcome is recorded even while stopping: a sent message must not be sent again.
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = claimed.Message.MessageId });
        command.Parameters.Add(new NpgsqlParameter { Value = claimed.ClaimId });
        command.Parameters.Add(new NpgsqlParameter { Value = at });
        if (sql != MarkSent)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)error ?? DBNull.Value });
        }

        return await command.ExecuteNonQueryAsync(CancellationToken.None) == 1;
    }

    /// <summary><c>RetryDelay</c> after the first attempt, doubling after each further one, at most <c>MaxRetryDelay</c>.</summary>
    private TimeSpan RetryDelay(int attempt)
    {
        var settings = options.Value;
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(settings.RetryDelay.Ticks * factor, settings.MaxRetryDelay.Ticks));
        return wait;
    }

    private static string Describe(Exception exception)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }

    [LoggerMessage(EventId = 2501, Level = LogLevel.Debug, Message = "Mail {MessageId} sent on attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, Guid messageId, int attempt);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Warning,
        Message = "Mail {MessageId} not sent on attempt {Attempt} ({Error}); retrying in {Seconds} s")]
    private static partial void LogAttemptFailed(ILogger logger, Guid messageId, int attempt, string error, double seconds);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Error,
        Message = "Mail {MessageId} dead-lettered after {Attempts} attempts: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, Guid messageId, int attempts, string reason);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Warning, Message = "The mail sender failed a round; retrying in {Seconds} s")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(EventId = 2505, Level = LogLevel.Warning,
        Message = "Email:Smtp:Host is not set: no mail is sent; it waits in the outbox until a mail server is configured")]
    private static partial void LogNoMailServer(ILogger logger);

    [LoggerMessage(EventId = 2506, Level = LogLevel.Warning,
        Message = "Mail {MessageId} was sent after its claim ran out; another node may send it again")]
    private static partial void LogLeaseLost(ILogger logger, Guid messageId);

    private sealed record ClaimedMessage(EmailMessage Message, Guid ClaimId, int Attempt);
}
