using Microsoft.Extensions.Logging;
using ShopEase.Application.Common.Auditing;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Application.Mfa.Commands.ConfirmTotp;
using ShopEase.Application.Mfa.Commands.DisableTotp;
using ShopEase.Application.Mfa.Commands.RegenerateRecoveryCodes;
using ShopEase.Application.Mfa.Commands.SetupTotp;
using ShopEase.Application.Mfa.Models;

namespace ShopEase.Application.Mfa;

/// <summary>
/// Audit events 3022 to 3026: a wrong second-factor code on any step that asks for one, a recovery code
/// used to log in, TOTP turned on and off, and new recovery codes. Never a secret or a code.
/// </summary>
public sealed partial class MfaAuditEvents :
    IAuditEvents<SetupTotpCommand, TotpSetupResult>,
    IAuditEvents<ConfirmTotpCommand, RecoveryCodesResult>,
    IAuditEvents<DisableTotpCommand, TotpDisabled>,
    IAuditEvents<RegenerateRecoveryCodesCommand, RecoveryCodesResult>
{
    public void Succeeded(ILogger audit, SetupTotpCommand command, TotpSetupResult response)
    {
        // Setting up changes nothing yet; TOTP is on once a code confirms it.
    }

    public void Failed(ILogger audit, SetupTotpCommand command, Exception failure) => WrongCode(audit, failure);

    public void Succeeded(ILogger audit, ConfirmTotpCommand command, RecoveryCodesResult response) =>
        LogTotpEnabled(audit, command.UserId);

    public void Failed(ILogger audit, ConfirmTotpCommand command, Exception failure) => WrongCode(audit, failure);

    public void Succeeded(ILogger audit, DisableTotpCommand command, TotpDisabled response) =>
        LogTotpDisabled(audit, command.UserId, response.WithRecoveryCode);

    public void Failed(ILogger audit, DisableTotpCommand command, Exception failure) => WrongCode(audit, failure);

    public void Succeeded(ILogger audit, RegenerateRecoveryCodesCommand command, RecoveryCodesResult response) =>
        LogRecoveryCodesRegenerated(audit, command.UserId);

    public void Failed(ILogger audit, RegenerateRecoveryCodesCommand command, Exception failure) => WrongCode(audit, failure);

    /// <summary>Records event 3022 when <paramref name="failure"/> is a wrong code of a known account.</summary>
    internal static void WrongCode(ILogger audit, Exception failure)
    {
        if (failure is InvalidMfaCodeException { UserId: { } userId })
        {
            LogWrongMfaCode(audit, userId);
        }
    }

    [LoggerMessage(EventId = 3023, Level = LogLevel.Warning, Message = "Audit: user {UserId} logged in with a recovery code, session {SessionId}")]
    internal static partial void LogRecoveryCodeUsed(ILogger logger, Guid userId, Guid sessionId);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Warning, Message = "Audit: wrong second-factor code for user {UserId}")]
    private static partial void LogWrongMfaCode(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Information, Message = "Audit: TOTP second factor turned on for user {UserId}")]
    private static partial void LogTotpEnabled(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3025, Level = LogLevel.Warning, Message = "Audit: TOTP second factor turned off for user {UserId}, with a recovery code: {WithRecoveryCode}")]
    private static partial void LogTotpDisabled(ILogger logger, Guid userId, bool withRecoveryCode);

    [LoggerMessage(EventId = 3026, Level = LogLevel.Information, Message = "Audit: new recovery codes for user {UserId}; the old set is void")]
    private static partial void LogRecoveryCodesRegenerated(ILogger logger, Guid userId);
}
