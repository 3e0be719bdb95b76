using Mediator;
using Microsoft.Extensions.Logging;
using ShopEase.Application.Common.Auditing;
using ShopEase.Application.Sessions.Commands.LogoutAll;
using ShopEase.Application.Sessions.Commands.RevokeSession;

namespace ShopEase.Application.Sessions;

/// <summary>Audit events 3006 and 3007: logout of every session, and one session revoked by its owner.</summary>
public sealed partial class SessionAuditEvents :
    IAuditEvents<LogoutAllCommand, Unit>,
    IAuditEvents<RevokeSessionCommand, Unit>
{
    public void Succeeded(ILogger audit, LogoutAllCommand command, Unit response) => LogLoggedOutEverywhere(audit, command.UserId);

    public void Succeeded(ILogger audit, RevokeSessionCommand command, Unit response) =>
        LogSessionRevoked(audit, command.UserId, command.SessionId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Audit: logout of every session of user {UserId}")]
    private static partial void LogLoggedOutEverywhere(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Audit: user {UserId} revoked session {SessionId}")]
    private static partial void LogSessionRevoked(ILogger logger, Guid userId, Guid sessionId);
}
