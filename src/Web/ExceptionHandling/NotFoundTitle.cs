namespace ShopEase.Web.ExceptionHandling;

/// <summary>
/// Endpoint metadata: the title of routing's 404 for a path this route would serve but for its constraint
/// (<c>/api/orders/not-a-guid</c>), the same words the handler uses for an id it does not know.
/// </summary>
public sealed record NotFoundTitle(string Title);
