namespace ShopEase.Web.Endpoints.Requests;

/// <summary>Body of token/refresh and logout.</summary>
public sealed record RefreshRequest(string? Refresh);
