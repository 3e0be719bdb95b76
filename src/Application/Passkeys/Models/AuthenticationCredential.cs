namespace ShopEase.Application.Passkeys.Models;

/// <summary>
/// <c>AuthenticationResponseJSON</c>: what <c>PublicKeyCredential.toJSON()</c> gives after
/// <c>navigator.credentials.get()</c>. Binary values are base64url; other members are ignored.
/// </summary>
public sealed record AuthenticationCredential(string? Id, string? RawId, string? Type, AssertionResponse? Response);
