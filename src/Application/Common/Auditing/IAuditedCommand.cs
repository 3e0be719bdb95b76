namespace ShopEase.Application.Common.Auditing;

/// <summary>
/// Marks a command whose outcome belongs in the security audit trail. Its feature declares what to
/// log in an <see cref="IAuditEvents{TCommand, TResponse}"/>; <see cref="AuditTrailBehavior{TMessage, TResponse}"/>
/// runs only for commands that carry this marker.
/// </summary>
public interface IAuditedCommand;
