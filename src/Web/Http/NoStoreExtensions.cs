namespace ShopEase.Web.Http;

public static class NoStoreExtensions
{
    /// <summary>
    /// <c>Cache-Control: no-store</c> on every answer of these routes, errors included: a cart or
    /// an order is personal data. Set when the response starts, so the exception handler's reset
    /// of the headers does not drop it.
    /// </summary>
    public static TBuilder WithNoStore<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.OnStarting(
                static state =>
                {
                    ((HttpResponse)state).Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                },
                context.HttpContext.Response);
            return await next(context);
        });
}
