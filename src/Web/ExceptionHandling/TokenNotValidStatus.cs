namespace ShopEase.Web.ExceptionHandling;

/// <summary>
/// Endpoint metadata: the status of <c>token_not_valid</c> on this route. Logout answers 400,
/// because there the bad token is input, not the caller's credentials.
/// </summary>
public sealed record TokenNotValidStatus(int StatusCode);
