using Mediator;
using Microsoft.Extensions.Logging;
using ShopEase.Application.Auth.Commands.ChangePassword;
using ShopEase.Application.Auth.Commands.Login;
using ShopEase.Application.Auth.Commands.LoginMfa;
using ShopEase.Application.Auth.Commands.Logout;
using ShopEase.Application.Auth.Commands.Register;
using ShopEase.Application.Auth.Models;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Mfa.Commands.ConfirmTotp;
using ShopEase.Application.Mfa.Commands.DisableTotp;
using ShopEase.Application.Mfa.Commands.RegenerateRecoveryCodes;
using ShopEase.Application.Mfa.Models;
using ShopEase.Application.Sessions.Commands.LogoutAll;
using ShopEase.Application.Sessions.Commands.RevokeSession;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Common.Auditing;

/// <summary>
/// The security audit trail: one structured event, with a stable event id, for each sign-up, login
/// success and failure, lockout, logout, logout-all, session revocation, password change, and each
/// change and use of the second factor (3021 to 3026: a login that awaits it, a wrong code, a
/// recovery code used, TOTP on and off, new recovery codes). The
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
        catch (RateLimitedException) when (message is LoginCommand login)
        {
            LogLockedOut(logger, EmailHash(login.Email));
            throw;
        }
        catch (InvalidMfaCodeException wrongCode) when (wrongCode.UserId is { } userId)
        {
            LogWrongMfaCode(logger, userId);
            throw;
        }

        switch (message, response)
        {
            case (RegisterCommand, AuthResult result):
                LogSignedUp(logger, result.User.Id, result.SessionId);
                break;
            case (LoginCommand, LoginResult { Session: { } result }):
                LogLoginSucceeded(logger, result.User.Id, result.SessionId);
                break;
            case (LoginCommand, LoginResult { MfaRequired: { } challenge }):
                LogSecondFactorRequired(logger, challenge.UserId);
                break;
            case (LoginMfaCommand second, AuthResult result):
                LogLoginSucceeded(logger, result.User.Id, result.SessionId);
                if (second.RecoveryCode is not null)
                {
                    LogRecoveryCodeUsed(logger, result.User.Id, result.SessionId);
                }

                break;
            case (ConfirmTotpCommand confirm, _):
                LogTotpEnabled(logger, confirm.UserId);
                break;
            case (DisableTotpCommand disable, TotpDisabled disabled):
                LogTotpDisabled(logger, disable.UserId, disabled.WithRecoveryCode);
                break;
            case (RegenerateRecoveryCodesCommand regenerate, _):
                LogRecoveryCodesRegenerated(logger, regenerate.UserId);
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

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Audit: password of user {UserId} accepted, second factor required")]
    private static partial void LogSecondFactorRequired(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Warning, Message = "Audit: wrong second-factor code for user {UserId}")]
    private static partial void LogWrongMfaCode(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Warning, Message = "Audit: user {UserId} logged in with a recovery code, session {SessionId}")]
    private static partial void LogRecoveryCodeUsed(ILogger logger, Guid userId, Guid sessionId);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Information, Message = "Audit: TOTP second factor turned on for user {UserId}")]
    private static partial void LogTotpEnabled(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3025, Level = LogLevel.Warning, Message = "Audit: TOTP second factor turned off for user {UserId}, with a recovery code: {WithRecoveryCode}")]
    private static partial void LogTotpDisabled(ILogger logger, Guid userId, bool withRecoveryCode);

    [LoggerMessage(EventId = 3026, Level = LogLevel.Information, Message = "Audit: new recovery codes for user {UserId}; the old set is void")]
    private static partial void LogRecoveryCodesRegenerated(ILogger logger, Guid userId);
}
