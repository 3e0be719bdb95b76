namespace ShopEase.Web.Endpoints.Requests;

/// <summary>Body of PUT /api/cart/items/{productId}: how many the cart should hold, 0 to remove.</summary>
public sealed record SetCartItemRequest(int? Quantity);
