using System.Text.Json.Serialization;

namespace ShopEase.Application.Auth.Models;

/// <summary>
/// Login of an account with a second factor, once its password was right: no tokens yet, only the
/// opaque token that <c>POST /api/auth/login/mfa</c> takes with a code, valid <paramref name="ExpiresIn"/> seconds.
/// </summary>
/// <param name="MfaRequired">Always <c>true</c>: tells this answer from one with tokens.</param>
public sealed record MfaRequiredResult(bool MfaRequired, string MfaToken, int ExpiresIn)
{
    /// <summary>Whose password was accepted, for the audit trail. Not part of the JSON body.</summary>
    [JsonIgnore]
    public Guid UserId { get; init; }
}
