using Microsoft.AspNetCore.Mvc;

namespace ShopEase.Web.Endpoints;

public static class ProblemResponseExtensions
{
    /// <summary>Documents the problem-details answers a route can give, for the OpenAPI document.</summary>
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
