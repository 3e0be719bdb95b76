namespace ShopEase.Application.Auth.Models;

/// <summary>Serialises as <c>{}</c>: a valid token needs no more words.</summary>
public sealed record TokenVerified;
