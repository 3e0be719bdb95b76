namespace ShopEase.Web.Endpoints.Requests;

/// <summary>Body of POST /api/auth/email/verify: the token from a mailed link.</summary>
public sealed record EmailTokenRequest(string? Token);
