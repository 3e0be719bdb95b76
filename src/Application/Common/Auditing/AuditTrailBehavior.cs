using Mediator;
using Microsoft.Extensions.Logging;

namespace ShopEase.Application.Common.Auditing;

/// <summary>
/// The security audit trail, outermost in the pipeline: after an audited command succeeds or fails,
/// its feature's <see cref="IAuditEvents{TCommand, TResponse}"/> writes the structured events, each
/// with a stable event id (see the README's audit section). The request's client IP comes from the
/// logging scope the HTTP edge opens. The constraint keeps every other message out of this behaviour.
/// </summary>
public sealed class AuditTrailBehavior<TMessage, TResponse>(
    ILogger<AuditTrailBehavior<TMessage, TResponse>> logger, IAuditEvents<TMessage, TResponse> events)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IAuditedCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch (Exception failure)
        {
            events.Failed(logger, message, failure);
            throw;
        }

        events.Succeeded(logger, message, response);
        return response;
    }
}
