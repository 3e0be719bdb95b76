using ShopEase.Application.Common.Abstractions;
using ShopEase.Domain.Users;

namespace ShopEase.Application.Common.Auditing;

public static class EmailFingerprintExtensions
{
    /// <summary>The fingerprint of an email as typed: case and spacing do not change it.</summary>
    public static string Of(this IEmailFingerprint fingerprint, string email) =>
        fingerprint.Compute(EmailAddress.Normalize(email));
}
