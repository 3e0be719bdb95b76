namespace ShopEase.Web.Endpoints.Requests;

public sealed record ResetPasswordRequest(string? Token, string? NewPassword);
