using Mediator;
using Microsoft.Extensions.Logging;
using ShopEase.Application.Auth.Commands.ChangePassword;
using ShopEase.Application.Auth.Commands.Login;
using ShopEase.Application.Auth.Commands.LoginMfa;
using ShopEase.Application.Auth.Commands.Logout;
using ShopEase.Application.Auth.Commands.Register;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Auditing;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Mfa;

namespace ShopEase.Application.Auth;

/// <summary>
/// Audit events 3001 to 3005, 3008, 3019 and 3021: sign-up, login by password (with or without a second
/// step), logout and password change. A failed login names its email only by a keyed fingerprint.
/// </summary>
public sealed partial class AuthAuditEvents(IEmailFingerprint emailFingerprint) :
    IAuditEvents<RegisterCommand, SignUpResult>,
    IAuditEvents<LoginCommand, LoginResult>,
    IAuditEvents<LoginMfaCommand, AuthResult>,
    IAuditEvents<LogoutCommand, Unit>,
    IAuditEvents<ChangePasswordCommand, TokenPair>
{
    public void Succeeded(ILogger audit, RegisterCommand command, SignUpResult response) =>
        LogSignedUp(audit, response.User.Id, response.Session?.SessionId);

    public void Succeeded(ILogger audit, LoginCommand command, LoginResult response)
    {
        if (response.Session is { } session)
        {
            LogLoginSucceeded(audit, session.User.Id, session.SessionId);
        }
        else if (response.MfaRequired is { } challenge)
        {
            LogSecondFactorRequired(audit, challenge.UserId);
        }
    }

    public void Failed(ILogger audit, LoginCommand command, Exception failure)
    {
        if (failure is not (InvalidCredentialsException or RateLimitedException or EmailNotVerifiedException))
        {
            return;
        }

        var emailHash = emailFingerprint.Of(command.Email);
        switch (failure)
        {
            case InvalidCredentialsException:
                LogLoginFailed(audit, emailHash);
                break;
            case RateLimitedException:
                LogLockedOut(audit, emailHash);
                break;
            default:
                LogLoginUnverified(audit, emailHash);
                break;
        }
    }

    public void Succeeded(ILogger audit, LoginMfaCommand command, AuthResult response)
    {
        LogLoginSucceeded(audit, response.User.Id, response.SessionId);
        if (command.RecoveryCode is not null)
        {
            MfaAuditEvents.LogRecoveryCodeUsed(audit, response.User.Id, response.SessionId);
        }
    }

    public void Failed(ILogger audit, LoginMfaCommand command, Exception failure) =>
        MfaAuditEvents.WrongCode(audit, failure);

    public void Succeeded(ILogger audit, LogoutCommand command, Unit response) => LogLoggedOut(audit, command.UserId);

    public void Succeeded(ILogger audit, ChangePasswordCommand command, TokenPair response) =>
        LogPasswordChanged(audit, command.UserId, command.SessionId);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Audit: sign-up of user {UserId}, session {SessionId}")]
    private static partial void LogSignedUp(ILogger logger, Guid userId, Guid? sessionId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Audit: login of user {UserId}, session {SessionId}")]
    private static partial void LogLoginSucceeded(ILogger logger, Guid userId, Guid sessionId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Audit: failed login for email hash {EmailHash}")]
    private static partial void LogLoginFailed(ILogger logger, string emailHash);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Audit: login refused, email hash {EmailHash} is locked out")]
    private static partial void LogLockedOut(ILogger logger, string emailHash);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Audit: logout of user {UserId}")]
    private static partial void LogLoggedOut(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Audit: password change of user {UserId}, session {SessionId} kept")]
    private static partial void LogPasswordChanged(ILogger logger, Guid userId, Guid sessionId);

    [LoggerMessage(EventId = 3019, Level = LogLevel.Warning,
        Message = "Audit: login refused for email hash {EmailHash}: email not verified")]
    private static partial void LogLoginUnverified(ILogger logger, string emailHash);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Audit: password of user {UserId} accepted, second factor required")]
    private static partial void LogSecondFactorRequired(ILogger logger, Guid userId);
}
