namespace ShopEase.Web.Endpoints.Requests;

/// <summary>The account's password, asked again before a second factor is set up.</summary>
public sealed record PasswordRequest(string? Password);
