using Mediator;
using Microsoft.Extensions.Logging;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Auditing;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Passkeys.Commands.DeletePasskey;
using ShopEase.Application.Passkeys.Commands.PasskeyLogin;
using ShopEase.Application.Passkeys.Commands.RegisterPasskey;
using ShopEase.Application.Passkeys.Models;

namespace ShopEase.Application.Passkeys;

/// <summary>Audit events 3031 to 3034: passkey login and its failures, passkey registered and deleted.</summary>
public sealed partial class PasskeyAuditEvents :
    IAuditEvents<PasskeyLoginCommand, AuthResult>,
    IAuditEvents<RegisterPasskeyCommand, PasskeyDto>,
    IAuditEvents<DeletePasskeyCommand, Unit>
{
    public void Succeeded(ILogger audit, PasskeyLoginCommand command, AuthResult response) =>
        LogPasskeyLoginSucceeded(audit, response.User.Id, response.SessionId);

    public void Failed(ILogger audit, PasskeyLoginCommand command, Exception failure)
    {
        if (failure is InvalidCredentialsException refused)
        {
            LogPasskeyLoginFailed(audit, refused.Reason ?? "unknown");
        }
    }

    public void Succeeded(ILogger audit, RegisterPasskeyCommand command, PasskeyDto response) =>
        LogPasskeyRegistered(audit, command.UserId, response.Id);

    public void Succeeded(ILogger audit, DeletePasskeyCommand command, Unit response) =>
        LogPasskeyDeleted(audit, command.UserId, command.PasskeyId);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Information, Message = "Audit: passkey login of user {UserId}, session {SessionId}")]
    private static partial void LogPasskeyLoginSucceeded(ILogger logger, Guid userId, Guid sessionId);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Warning, Message = "Audit: failed passkey login: {Reason}")]
    private static partial void LogPasskeyLoginFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3033, Level = LogLevel.Information, Message = "Audit: user {UserId} registered passkey {PasskeyId}")]
    private static partial void LogPasskeyRegistered(ILogger logger, Guid userId, Guid passkeyId);

    [LoggerMessage(EventId = 3034, Level = LogLevel.Information, Message = "Audit: user {UserId} deleted passkey {PasskeyId}")]
    private static partial void LogPasskeyDeleted(ILogger logger, Guid userId, Guid passkeyId);
}
