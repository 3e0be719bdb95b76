namespace ShopEase.Application.Auth.Models;

public sealed record CurrentUserDto(
    Guid Id, string Email, bool IsActive, bool IsStaff, DateTimeOffset DateJoined, bool EmailVerified, bool MfaEnabled);
