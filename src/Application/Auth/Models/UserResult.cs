namespace ShopEase.Application.Auth.Models;

/// <summary>An answer that is the account and nothing else, e.g. sign-up while verified email is required.</summary>
public sealed record UserResult(UserDto User);
