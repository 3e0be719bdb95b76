namespace ShopEase.Web.Endpoints.Requests;

/// <summary>The password and a current code, asked before the second factor is turned off or its recovery codes renewed.</summary>
public sealed record PasswordAndCodeRequest(string? Password, string? Code);
