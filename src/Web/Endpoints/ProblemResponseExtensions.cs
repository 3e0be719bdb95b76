using Microsoft.AspNetCore.Mvc;

namespace ShopEase.Web.Endpoints;

public static class ProblemResponseExtensions
{
    /// <summary>
    /// Documents the problem answers that are a route's own, such as login's 401 or checkout's 409;
    /// those that follow from how it is mapped are added by <see cref="OpenApi.ProblemResponsesTransformer"/>.
    /// </summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statusCodes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }

        return builder;
    }
}
