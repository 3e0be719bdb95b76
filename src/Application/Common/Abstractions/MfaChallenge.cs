namespace ShopEase.Application.Common.Abstractions;

/// <summary>A live login challenge: whose it is, and a stamp of the password hash its password matched.</summary>
public sealed record MfaChallenge(Guid Id, Guid UserId, Guid PasswordStamp);
