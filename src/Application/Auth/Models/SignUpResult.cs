namespace ShopEase.Application.Auth.Models;

/// <summary>
/// What sign-up made: the account, and its first session, unless verified email is required before the
/// first login (then <see cref="Session"/> is <c>null</c>).
/// </summary>
public sealed record SignUpResult(UserDto User, AuthResult? Session);
