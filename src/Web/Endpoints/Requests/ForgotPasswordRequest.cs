namespace ShopEase.Web.Endpoints.Requests;

public sealed record ForgotPasswordRequest(string? Email);
