namespace ShopEase.Domain.Users;

/// <summary>What following a mailed link proves or allows; a token is good for its own purpose only.</summary>
public enum EmailTokenPurpose
{
    /// <summary>The account's address belongs to its owner.</summary>
    VerifyEmail,

    /// <summary>The owner of the account's address may set a new password.</summary>
    ResetPassword,

    /// <summary>The owner of a new address accepts moving the account to it.</summary>
    ChangeEmail,
}
