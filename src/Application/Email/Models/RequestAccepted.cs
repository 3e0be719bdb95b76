namespace ShopEase.Application.Email.Models;

/// <summary>Serialises as <c>{}</c>: the request was taken; what follows arrives by mail.</summary>
public sealed record RequestAccepted
{
    public static RequestAccepted Instance { get; } = new();
}
