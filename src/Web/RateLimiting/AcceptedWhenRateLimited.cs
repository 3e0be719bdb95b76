namespace ShopEase.Web.RateLimiting;

/// <summary>
/// Endpoint metadata: past its per-IP limit the route still answers <c>202 {}</c>, as it does for every
/// email, so that even its limit says nothing (forgot password).
/// </summary>
public sealed record AcceptedWhenRateLimited;
