using Microsoft.Extensions.Options;
using ShopEase.Infrastructure.Persistence;

namespace ShopEase.Web.Http;

/// <summary>
/// No request waits on the database longer than <c>Database:Timeout</c> (5 s): past it, the request's
/// cancellation token fires, whatever is waiting stops, and the client gets 503 instead of a hang.
/// </summary>
public sealed class RequestDeadlineMiddleware(RequestDelegate next, IOptions<DatabaseOptions> options)
{
    private static readonly object StateKey = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var clientAborted = context.RequestAborted;
        using var deadline = new CancellationTokenSource(options.Value.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(clientAborted, deadline.Token);
        var state = new DeadlineState(deadline, clientAborted);
        context.Items[StateKey] = state;
        context.RequestAborted = linked.Token;
        try
        {
            await next(context);
        }
        finally
        {
            // Whoever writes the error response afterwards must not find the token already cancelled.
            state.Passed = deadline.IsCancellationRequested;
            context.RequestAborted = clientAborted;
        }
    }

    /// <summary>True when this request was cancelled by its deadline rather than by the client.</summary>
    public static bool DeadlinePassed(HttpContext context) =>
        context.Items.TryGetValue(StateKey, out var value) && value is DeadlineState state
        && (state.Passed || state.Deadline.IsCancellationRequested) && !state.ClientAborted.IsCancellationRequested;

    /// <summary>Gives the response back its own lifetime, to write a 503 after the deadline.</summary>
    public static void RestoreClientToken(HttpContext context)
    {
        if (context.Items.TryGetValue(StateKey, out var value) && value is DeadlineState state)
        {
            context.RequestAborted = state.ClientAborted;
        }
    }

    private sealed class DeadlineState(CancellationTokenSource deadline, CancellationToken clientAborted)
    {
        public CancellationTokenSource Deadline { get; } = deadline;

        public CancellationToken ClientAborted { get; } = clientAborted;

        public bool Passed { get; set; }
    }
}
