using Mediator;
using Microsoft.Extensions.Logging;
using ShopEase.Application.Auth.Commands.ChangePassword;
using ShopEase.Application.Auth.Commands.Login;
using ShopEase.Application.Auth.Commands.Logout;
using ShopEase.Application.Auth.Commands.Register;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Passkeys.Commands.DeletePasskey;
using ShopEase.Application.Passkeys.Commands.PasskeyLogin;
using ShopEase.Application.Passkeys.Commands.RegisterPasskey;
using ShopEase.Application.Passkeys.Models;
using ShopEase.Application.Sessions.Commands.LogoutAll;
using ShopEase.Application.Sessions.Commands.RevokeSession;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Common.Auditing;

/// <summary>
/// The security audit trail: one structured event, with a stable event id, for each sign-up, login
/// success and failure (by password or passkey), lockout, logout, logout-all, session revocation,
/// password change, and passkey registration and deletion. The
/// request's client IP comes from the logging scope the HTTP edge opens. Never a password or a
/// token; a failed login names its email only by a keyed fingerprint (<see cref="IEmailFingerprint"/>).
/// </summary>
public sealed partial class AuditTrailBehavior<TMessage, TResponse>(
    ILogger<AuditTrailBehavior<TMessage, TResponse>> logger, IEmailFingerprint emailFingerprint)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch (InvalidCredentialsException) when (message is LoginCommand login)
        {
            LogLoginFailed(logger, EmailHash(login.Email));
            throw;
        }
        catch (InvalidCredentialsException refused) when (message is PasskeyLoginCommand)
        {
            LogPasskeyLoginFailed(logger, refused.Reason ?? "unknown");
            throw;
        }
        catch (RateLimitedException) when (message is LoginCommand login)
        {
            LogLockedOut(logger, EmailHash(login.Email));
            throw;
        }

        switch (message, response)
        {
            case (RegisterCommand, AuthResult result):
                LogSignedUp(logger, result.User.Id, result.SessionId);
                break;
            case (LoginCommand, AuthResult result):
                LogLoginSucceeded(logger, result.User.Id, result.SessionId);
                break;
            case (PasskeyLoginCommand, AuthResult result):
                LogPasskeyLoginSucceeded(logger, result.User.Id, result.SessionId);
                break;
            case (RegisterPasskeyCommand register, PasskeyDto passkey):
                LogPasskeyRegistered(logger, register.UserId, passkey.Id);
                break;
            case (DeletePasskeyCommand delete, _):
                LogPasskeyDeleted(logger, delete.UserId, delete.PasskeyId);
                break;
            case (LogoutCommand logout, _):
                LogLoggedOut(logger, logout.UserId);
                break;
            case (LogoutAllCommand logoutAll, _):
                LogLoggedOutEverywhere(logger, logoutAll.UserId);
                break;
            case (RevokeSessionCommand revoke, _):
                LogSessionRevoked(logger, revoke.UserId, revoke.SessionId);
                break;
            case (ChangePasswordCommand change, _):
                LogPasswordChanged(logger, change.UserId, change.SessionId);
                break;
        }

        return response;
    }

    private string EmailHash(string email) => emailFingerprint.Compute(EmailAddress.Normalize(email));

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Audit: sign-up of user {UserId}, session {SessionId}")]
    private static partial void LogSignedUp(ILogger logger, Guid userId, Guid sessionId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Audit: login of user {UserId}, session {SessionId}")]
    private static partial void LogLoginSucceeded(ILogger logger, Guid userId, Guid sessionId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Audit: failed login for email hash {EmailHash}")]
    private static partial void LogLoginFailed(ILogger logger, string emailHash);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Audit: login refused, email hash {EmailHash} is locked out")]
    private static partial void LogLockedOut(ILogger logger, string emailHash);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Audit: logout of user {UserId}")]
    private static partial void LogLoggedOut(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Audit: logout of every session of user {UserId}")]
    private static partial void LogLoggedOutEverywhere(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Audit: user {UserId} revoked session {SessionId}")]
    private static partial void LogSessionRevoked(ILogger logger, Guid userId, Guid sessionId);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Audit: password change of user {UserId}, session {SessionId} kept")]
    private static partial void LogPasswordChanged(ILogger logger, Guid userId, Guid sessionId);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Information, Message = "Audit: passkey login of user {UserId}, session {SessionId}")]
    private static partial void LogPasskeyLoginSucceeded(ILogger logger, Guid userId, Guid sessionId);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Warning, Message = "Audit: failed passkey login: {Reason}")]
    private static partial void LogPasskeyLoginFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3033, Level = LogLevel.Information, Message = "Audit: user {UserId} registered passkey {PasskeyId}")]
    private static partial void LogPasskeyRegistered(ILogger logger, Guid userId, Guid passkeyId);

    [LoggerMessage(EventId = 3034, Level = LogLevel.Information, Message = "Audit: user {UserId} deleted passkey {PasskeyId}")]
    private static partial void LogPasskeyDeleted(ILogger logger, Guid userId, Guid passkeyId);
}
