namespace ShopEase.Application.Passkeys.Models;

/// <summary>A passkey as its owner sees it: never its key or credential id.</summary>
public sealed record PasskeyDto(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
