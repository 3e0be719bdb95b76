using System.Diagnostics.Metrics;
using ShopEase.Application.Common.Abstractions;

namespace ShopEase.Infrastructure.Metrics;

/// <summary>
/// <see cref="IShopMetrics"/> on System.Diagnostics.Metrics, which OpenTelemetry exports (Prometheus scrape,
/// OTLP). Label values come from enums mapped to constant strings: bounded by construction.
/// </summary>
internal sealed class ShopMetrics : IShopMetrics
{
    private readonly Counter<long> _logins;
    private readonly Counter<long> _signUps;
    private readonly Counter<long> _reuse;
    private readonly Counter<long> _revoked;
    private readonly Counter<long> _orders;

    public ShopMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Telemetry.MeterName);
        _logins = meter.CreateCounter<long>("shopease.auth.logins", "{login}", "Login attempts by outcome: succeeded, failed (invalid_credentials), locked_out, second_factor_required, second_factor_failed (invalid_mfa_code).");
        _signUps = meter.CreateCounter<long>("shopease.auth.signups", "{account}", "Accounts created through sign-up.");
        _reuse = meter.CreateCounter<long>("shopease.auth.refresh_token_reuse", "{event}", "Spent refresh tokens presented again; each revoked its session.");
        _revoked = meter.CreateCounter<long>("shopease.auth.sessions_revoked", "{session}", "Sessions revoked, by reason.");
        _orders = meter.CreateCounter<long>("shopease.orders.placed", "{order}", "Orders placed (an Idempotency-Key replay is not counted again).");
    }

    public void LoginAttempted(LoginOutcome outcome) => _logins.Add(1, new KeyValuePair<string, object?>("outcome", outcome switch
    {
        LoginOutcome.Succeeded => "succeeded",
        LoginOutcome.Failed => "failed",
        LoginOutcome.LockedOut => "locked_out",
        LoginOutcome.SecondFactorRequired => "second_factor_required",
        LoginOutcome.SecondFactorFailed => "second_factor_failed",
        LoginOutcome.EmailNotVerified => "email_not_verified",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    }));

    public void SignedUp() => _signUps.Add(1);

    public void RefreshTokenReuseDetected() => _reuse.Add(1);

    public void SessionsRevoked(SessionRevocationReason reason, int count)
    {
        if (count > 0)
        {
            _revoked.Add(count, new KeyValuePair<string, object?>("reason", reason switch
            {
                SessionRevocationReason.Logout => "logout",
                SessionRevocationReason.LogoutAll => "logout_all",
                SessionRevocationReason.SessionEnded => "session_ended",
                SessionRevocationReason.PasswordChanged => "password_changed",
                SessionRevocationReason.TokenReuse => "token_reuse",
                SessionRevocationReason.AccountDeactivated => "account_deactivated",
                SessionRevocationReason.PasswordReset => "password_reset",
                _ => throw new ArgumentOutOfRangeException(nameof(reason)),
            }));
        }
    }

    public void OrderPlaced() => _orders.Add(1);
}
