namespace ShopEase.Web.Endpoints.Requests;

/// <summary>A code from the authenticator app.</summary>
public sealed record MfaCodeRequest(string? Code);
