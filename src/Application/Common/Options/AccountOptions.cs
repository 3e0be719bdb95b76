namespace ShopEase.Application.Common.Options;

/// <summary>Section <c>Accounts</c>.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>
    /// Sign-up answers without tokens, and login of an account whose email is not verified is refused
    /// with 403 <c>email_not_verified</c> (after the password was checked). Off by default.
    /// </summary>
    public bool RequireVerifiedEmail { get; set; }
}
