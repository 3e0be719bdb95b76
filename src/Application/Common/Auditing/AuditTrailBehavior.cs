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
using ShopEase.Application.Email.Commands.ChangeEmail;
using ShopEase.Application.Email.Commands.ForgotPassword;
using ShopEase.Application.Email.Commands.IssuePasswordReset;
using ShopEase.Application.Email.Commands.ResendVerification;
using ShopEase.Application.Email.Commands.ResetPassword;
using ShopEase.Application.Email.Commands.VerifyEmail;
using ShopEase.Application.Email.Models;
using ShopEase.Application.Mfa.Commands.ConfirmTotp;
using ShopEase.Application.Mfa.Commands.DisableTotp;
using ShopEase.Application.Mfa.Commands.RegenerateRecoveryCodes;
using ShopEase.Application.Mfa.Models;
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
/// password change, passkey registration and deletion, each step of email verification, password
/// reset and email change, and each change and use of the second factor (3021 to 3026: a login that
/// awaits it, a wrong code, a recovery code used, TOTP on and off, new recovery codes). The
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
        catch (InvalidMfaCodeException wrongCode) when (wrongCode.UserId is { } userId)
        {
            LogWrongMfaCode(logger, userId);
            throw;
        }
        catch (EmailNotVerifiedException) when (message is LoginCommand login)
        {
            LogLoginUnverified(logger, EmailHash(login.Email));
            throw;
        }
        catch (TokenNotValidException) when (message is VerifyEmailCommand)
        {
            LogVerificationLinkRefused(logger);
            throw;
        }
        catch (TokenNotValidException) when (message is ResetPasswordCommand)
        {
            LogResetLinkRefused(logger);
            throw;
        }

        switch (message, response)
        {
            case (RegisterCommand, SignUpResult result):
                LogSignedUp(logger, result.User.Id, result.Session?.SessionId);
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
            case (VerifyEmailCommand, VerifyEmailResult { EmailChanged: false } verified):
                LogEmailVerified(logger, verified.User.Id);
                break;
            case (VerifyEmailCommand, VerifyEmailResult { EmailChanged: true } changed):
                LogEmailChanged(logger, changed.User.Id);
                break;
            case (ResendVerificationCommand resend, _):
                LogVerificationResent(logger, resend.UserId);
                break;
            case (ChangeEmailCommand change, _):
                LogEmailChangeRequested(logger, change.UserId);
                break;
            case (ForgotPasswordCommand forgot, ForgotPasswordOutcome.Queued):
                var requested = EmailHash(forgot.Email);
                LogResetRequested(logger, requested);
                break;
            case (ForgotPasswordCommand forgot, ForgotPasswordOutcome.Dropped):
                var dropped = EmailHash(forgot.Email);
                LogResetRequestDropped(logger, dropped);
                break;
            case (IssuePasswordResetCommand, Guid userId):
                LogResetMailQueued(logger, userId);
                break;
            case (ResetPasswordCommand, PasswordResetDone reset):
                LogPasswordReset(logger, reset.UserId, reset.RevokedSessions);
                break;
        }

        return response;
    }

    private string EmailHash(string email) => emailFingerprint.Compute(EmailAddress.Normalize(email));

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

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "Audit: email of user {UserId} verified")]
    private static partial void LogEmailVerified(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Audit: email of user {UserId} changed; sessions kept")]
    private static partial void LogEmailChanged(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning,
        Message = "Audit: an email link was refused: unknown, used, voided or expired token")]
    private static partial void LogVerificationLinkRefused(ILogger logger);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Audit: user {UserId} asked for the verification mail again")]
    private static partial void LogVerificationResent(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "Audit: user {UserId} asked to change email")]
    private static partial void LogEmailChangeRequested(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Information, Message = "Audit: password reset asked for email hash {EmailHash}")]
    private static partial void LogResetRequested(ILogger logger, string emailHash);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning,
        Message = "Audit: password reset for email hash {EmailHash} dropped: over the per-account limit")]
    private static partial void LogResetRequestDropped(ILogger logger, string emailHash);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Information, Message = "Audit: password reset mail queued for user {UserId}")]
    private static partial void LogResetMailQueued(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3017, Level = LogLevel.Information,
        Message = "Audit: password reset of user {UserId}; {Revoked} sessions revoked")]
    private static partial void LogPasswordReset(ILogger logger, Guid userId, int revoked);

    [LoggerMessage(EventId = 3018, Level = LogLevel.Warning,
        Message = "Audit: a password reset was refused: unknown, used, voided or expired token")]
    private static partial void LogResetLinkRefused(ILogger logger);

    [LoggerMessage(EventId = 3019, Level = LogLevel.Warning,
        Message = "Audit: login refused for email hash {EmailHash}: email not verified")]
    private static partial void LogLoginUnverified(ILogger logger, string emailHash);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Information, Message = "Audit: passkey login of user {UserId}, session {SessionId}")]
    private static partial void LogPasskeyLoginSucceeded(ILogger logger, Guid userId, Guid sessionId);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Warning, Message = "Audit: failed passkey login: {Reason}")]
    private static partial void LogPasskeyLoginFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3033, Level = LogLevel.Information, Message = "Audit: user {UserId} registered passkey {PasskeyId}")]
    private static partial void LogPasskeyRegistered(ILogger logger, Guid userId, Guid passkeyId);

    [LoggerMessage(EventId = 3034, Level = LogLevel.Information, Message = "Audit: user {UserId} deleted passkey {PasskeyId}")]
    private static partial void LogPasskeyDeleted(ILogger logger, Guid userId, Guid passkeyId);
}
