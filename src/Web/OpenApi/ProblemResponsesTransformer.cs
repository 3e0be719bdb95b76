using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace ShopEase.Web.OpenApi;

/// <summary>
/// Declares the problem answers that follow from how a route is mapped, so that a new route has
/// them without a word: every route can answer 500 and 503 (the database is away or too slow); a
/// request body brings 400, 413 and 415; a query parameter 400; a route value 404 (it names
/// nothing); a token 401, a policy or a CSRF token 403; a rate-limit policy 429 (unless the route answers
/// 202 past it, as forgot password does). A route declares
/// only what is its own, such as login's 401 or checkout's 409.
/// </summary>
public sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public const string ProblemMediaType = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var statuses = StatusesOf(operation, context.Description.ActionDescriptor.EndpointMetadata);
        operation.Responses ??= [];
        IOpenApiSchema? problem = null;
        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key))
            {
                continue;
            }

            problem ??= await context.GetOrCreateReferenceAsync(typeof(ProblemDetails), cancellationToken);
            operation.Responses[key] = Problem(status, problem);
        }

        // In status order, as a reader looks for them.
        var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (key, response) in ordered)
        {
            operation.Responses[key] = response;
        }
    }

    public static OpenApiResponse Problem(int status, IOpenApiSchema problem) => new()
    {
        Description = ReasonPhrases.GetReasonPhrase(status),
        Content = new Dictionary<string, OpenApiMediaType> { [ProblemMediaType] = new() { Schema = problem } },
    };

    private static SortedSet<int> StatusesOf(OpenApiOperation operation, IList<object> metadata)
    {
        var statuses = new SortedSet<int> { StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable };
        var parameters = operation.Parameters ?? [];
        if (operation.RequestBody is not null)
        {
            statuses.UnionWith([StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType]);
        }

        if (parameters.Any(p => p.In == ParameterLocation.Query))
        {
            statuses.Add(StatusCodes.Status400BadRequest);
        }

        if (parameters.Any(p => p.In == ParameterLocation.Path))
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }

        var authorization = metadata.OfType<IAuthorizeData>().ToList();
        if (authorization.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any())
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
            if (authorization.Any(a => a.Policy is not null || a.Roles is not null))
            {
                statuses.Add(StatusCodes.Status403Forbidden);
            }
        }

        if (metadata.OfType<BrowserTransportHeaders>().LastOrDefault() is { NeedsCsrfToken: true })
        {
            statuses.Add(StatusCodes.Status403Forbidden);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any() && !metadata.OfType<DisableRateLimitingAttribute>().Any()
            && !metadata.OfType<RateLimiting.AcceptedWhenRateLimited>().Any())
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }

        return statuses;
    }
}
