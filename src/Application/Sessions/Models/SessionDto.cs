namespace ShopEase.Application.Sessions.Models;

public sealed record SessionDto(
    Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, string? UserAgent, string? Ip, bool Current);
