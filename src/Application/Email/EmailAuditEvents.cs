using Mediator;
using Microsoft.Extensions.Logging;
using ShopEase.Application.Common.Abstractions;
using ShopEase.Application.Common.Auditing;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Email.Commands.ChangeEmail;
using ShopEase.Application.Email.Commands.ForgotPassword;
using ShopEase.Application.Email.Commands.IssuePasswordReset;
using ShopEase.Application.Email.Commands.ResendVerification;
using ShopEase.Application.Email.Commands.ResetPassword;
using ShopEase.Application.Email.Commands.VerifyEmail;
using ShopEase.Application.Email.Models;

namespace ShopEase.Application.Email;

/// <summary>
/// Audit events 3009 to 3018: each step of email verification, email change and password reset,
/// including refused links. Never a token; an email only by its keyed fingerprint.
/// </summary>
public sealed partial class EmailAuditEvents(IEmailFingerprint emailFingerprint) :
    IAuditEvents<VerifyEmailCommand, VerifyEmailResult>,
    IAuditEvents<ResendVerificationCommand, Unit>,
    IAuditEvents<ChangeEmailCommand, Unit>,
    IAuditEvents<ForgotPasswordCommand, ForgotPasswordOutcome>,
    IAuditEvents<IssuePasswordResetCommand, Guid?>,
    IAuditEvents<ResetPasswordCommand, PasswordResetDone>
{
    public void Succeeded(ILogger audit, VerifyEmailCommand command, VerifyEmailResult response)
    {
        if (response.EmailChanged)
        {
            LogEmailChanged(audit, response.User.Id);
        }
        else
        {
            LogEmailVerified(audit, response.User.Id);
        }
    }

    public void Failed(ILogger audit, VerifyEmailCommand command, Exception failure)
    {
        if (failure is TokenNotValidException)
        {
            LogVerificationLinkRefused(audit);
        }
    }

    public void Succeeded(ILogger audit, ResendVerificationCommand command, Unit response) =>
        LogVerificationResent(audit, command.UserId);

    public void Succeeded(ILogger audit, ChangeEmailCommand command, Unit response) =>
        LogEmailChangeRequested(audit, command.UserId);

    public void Succeeded(ILogger audit, ForgotPasswordCommand command, ForgotPasswordOutcome response)
    {
        var emailHash = emailFingerprint.Of(command.Email);
        if (response == ForgotPasswordOutcome.Queued)
        {
            LogResetRequested(audit, emailHash);
        }
        else
        {
            LogResetRequestDropped(audit, emailHash);
        }
    }

    public void Succeeded(ILogger audit, IssuePasswordResetCommand command, Guid? response)
    {
        if (response is { } userId)
        {
            LogResetMailQueued(audit, userId);
        }
    }

    public void Succeeded(ILogger audit, ResetPasswordCommand command, PasswordResetDone response) =>
        LogPasswordReset(audit, response.UserId, response.RevokedSessions);

    public void Failed(ILogger audit, ResetPasswordCommand command, Exception failure)
    {
        if (failure is TokenNotValidException)
        {
            LogResetLinkRefused(audit);
        }
    }

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
}
