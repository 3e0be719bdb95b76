namespace ShopEase.Application.Common.Abstractions;

/// <summary>How a login ended, as counted by <see cref="IShopMetrics"/>.</summary>
public enum LoginOutcome
{
    Succeeded,

    /// <summary>Unknown email, wrong password or inactive account: the one <c>invalid_credentials</c> answer.</summary>
    Failed,

    /// <summary>Refused before the password was checked, because the email is locked out.</summary>
    LockedOut,

    /// <summary>The password was right, and the account's second factor is asked for next.</summary>
    SecondFactorRequired,

    /// <summary>A wrong, reused or expired second-factor code at <c>/login/mfa</c>: <c>invalid_mfa_code</c>.</summary>
    SecondFactorFailed,

    /// <summary>The right password, but verified email is required and this account's is not yet.</summary>
    EmailNotVerified,
}
