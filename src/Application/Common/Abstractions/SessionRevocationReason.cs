namespace ShopEase.Application.Common.Abstractions;

/// <summary>Why sessions were revoked, as counted by <see cref="IShopMetrics"/>.</summary>
public enum SessionRevocationReason
{
    Logout,
    LogoutAll,

    /// <summary>The user ended one of their sessions (<c>DELETE /sessions/{id}</c>).</summary>
    SessionEnded,

    /// <summary>A password change ends every other session.</summary>
    PasswordChanged,

    /// <summary>A spent refresh token came back: treated as theft.</summary>
    TokenReuse,

    AccountDeactivated,

    /// <summary>A password reset through a mailed link ends every session.</summary>
    PasswordReset,
}
