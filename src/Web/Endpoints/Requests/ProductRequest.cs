namespace ShopEase.Web.Endpoints.Requests;

/// <summary>Body of POST and PUT /api/products. Fields are nullable so a missing one becomes a validation error.</summary>
public sealed record ProductRequest(string? Sku, string? Name, string? Description, PriceRequest? Price, int? Stock);

/// <param name="Amount">In minor units (cents): a whole number, never a fraction.</param>
public sealed record PriceRequest(long? Amount, string? Currency);
