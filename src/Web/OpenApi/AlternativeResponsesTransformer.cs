using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ShopEase.Web.OpenApi;

/// <summary>
/// A route whose typed results give one status with two bodies (register, login and refresh: body
/// mode and browser mode) would otherwise be documented with the last body only. This declares
/// them all, as <c>oneOf</c>, each by its own schema.
/// </summary>
public sealed class AlternativeResponsesTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var alternatives = context.Description.ActionDescriptor.EndpointMetadata
            .OfType<IProducesResponseTypeMetadata>()
            .Where(m => m.Type is not null && m.Type != typeof(void))
            .GroupBy(m => m.StatusCode)
            .Select(g => (Status: g.Key, Types: g.Select(m => m.Type!).Distinct().ToList()))
            .Where(g => g.Types.Count > 1);
        foreach (var (status, types) in alternatives)
        {
            if (operation.Responses?.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not OpenApiResponse response
                || response.Content is null)
            {
                continue;
            }

            var shapes = new List<IOpenApiSchema>();
            foreach (var type in types)
            {
                shapes.Add(await context.GetOrCreateReferenceAsync(type, cancellationToken));
            }

            foreach (var media in response.Content.Values)
            {
                media.Schema = new OpenApiSchema { OneOf = shapes };
            }
        }
    }
}
