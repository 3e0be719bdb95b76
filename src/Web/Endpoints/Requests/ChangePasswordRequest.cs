namespace ShopEase.Web.Endpoints.Requests;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
