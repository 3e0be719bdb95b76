namespace ShopEase.Application.Email.Commands.ForgotPassword;

/// <summary>For the audit trail only: the caller is told the same either way.</summary>
public enum ForgotPasswordOutcome
{
    Queued,

    /// <summary>Over the per-email limit: nothing was queued.</summary>
    Dropped,
}
