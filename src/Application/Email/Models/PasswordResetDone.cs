namespace ShopEase.Application.Email.Models;

/// <summary>A completed password reset, for the audit trail; the HTTP answer is a bare 204.</summary>
public sealed record PasswordResetDone(Guid UserId, int RevokedSessions);
