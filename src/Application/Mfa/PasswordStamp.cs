using System.Security.Cryptography;
using System.Text;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Mfa;

/// <summary>
/// Names the password hash a login's password matched, without storing the hash twice: a login
/// challenge carries it, and dies when the password has changed since.
/// </summary>
public static class PasswordStamp
{
    public static string Of(User user) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.PasswordHash)));
}
