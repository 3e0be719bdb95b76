namespace ShopEase.Application.Common.Abstractions;

public sealed record IssuedAccessToken(string Token, int ExpiresInSeconds);
