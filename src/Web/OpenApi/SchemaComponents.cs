using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ShopEase.Web.OpenApi;

/// <summary>
/// Schemas that transformers add, referenced the way the framework references its own: each type
/// it names (<see cref="OpenApiOptions.CreateSchemaReferenceId"/>) becomes, once, a component.
/// </summary>
public static class SchemaComponents
{
    // The framework tags every schema it would turn into a component with its reference id.
    private const string SchemaIdKey = "x-schema-id";

    public static async Task<IOpenApiSchema> GetOrCreateReferenceAsync(
        this OpenApiOperationTransformerContext context, Type type, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        return context.Document is { } document ? Componentize(document, schema) : schema;
    }

    public static async Task<IOpenApiSchema> GetOrCreateReferenceAsync(
        this OpenApiDocumentTransformerContext context, OpenApiDocument document, Type type, CancellationToken cancellationToken) =>
        Componentize(document, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));

    private static IOpenApiSchema Componentize(OpenApiDocument document, IOpenApiSchema input)
    {
        if (input is not OpenApiSchema schema)
        {
            return input;
        }

        foreach (var (name, property) in schema.Properties?.ToList() ?? [])
        {
            schema.Properties![name] = Componentize(document, property);
        }

        if (schema.Items is not null)
        {
            schema.Items = Componentize(document, schema.Items);
        }

        if (schema.AdditionalProperties is not null)
        {
            schema.AdditionalProperties = Componentize(document, schema.AdditionalProperties);
        }

        foreach (var list in new[] { schema.OneOf, schema.AnyOf, schema.AllOf })
        {
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                list![i] = Componentize(document, list[i]);
            }
        }

        if (schema.Metadata?.TryGetValue(SchemaIdKey, out var id) != true || id is not string { Length: > 0 } schemaId)
        {
            return schema;
        }

        if (document.Components?.Schemas?.ContainsKey(schemaId) != true)
        {
            schema.Metadata.Remove(SchemaIdKey);
            document.AddComponent(schemaId, schema);
        }

        return new OpenApiSchemaReference(schemaId, document);
    }
}
