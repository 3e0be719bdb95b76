namespace ShopEase.Web.Endpoints.Requests;

/// <summary>Body of register and login. Fields are nullable so a missing one becomes a validation error, not a crash.</summary>
public sealed record CredentialsRequest(string? Email, string? Password);
