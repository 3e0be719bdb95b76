namespace ShopEase.Web.Endpoints.Requests;

public sealed record VerifyRequest(string? Token);
