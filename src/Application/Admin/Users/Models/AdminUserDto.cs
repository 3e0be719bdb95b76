namespace ShopEase.Application.Admin.Users.Models;

public sealed record AdminUserDto(
    Guid Id, string Email, bool IsActive, bool IsStaff, DateTimeOffset DateJoined, DateTimeOffset? LastLoginAt, bool MfaEnabled);
