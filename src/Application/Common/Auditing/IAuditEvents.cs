using Microsoft.Extensions.Logging;

namespace ShopEase.Application.Common.Auditing;

/// <summary>
/// What the audit trail records for one audited command: the events of its success and of the failures
/// that matter for security. A feature implements it beside its commands and the application finds it
/// by reflection, so adding audit events edits nothing in Common. The events go to the logger the
/// behaviour hands in, so every audit event keeps one log category.
/// </summary>
public interface IAuditEvents<in TCommand, in TResponse>
    where TCommand : IAuditedCommand
{
    void Succeeded(ILogger audit, TCommand command, TResponse response);

    /// <summary>Called before <paramref name="failure"/> propagates; it is rethrown whatever this does.</summary>
    void Failed(ILogger audit, TCommand command, Exception failure)
    {
    }
}
