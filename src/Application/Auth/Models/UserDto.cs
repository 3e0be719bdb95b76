namespace ShopEase.Application.Auth.Models;

public sealed record UserDto(Guid Id, string Email, DateTimeOffset DateJoined);
