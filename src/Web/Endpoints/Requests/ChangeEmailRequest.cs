namespace ShopEase.Web.Endpoints.Requests;

public sealed record ChangeEmailRequest(string? NewEmail, string? Password);
