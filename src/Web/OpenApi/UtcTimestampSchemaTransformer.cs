using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ShopEase.Web.Http;

namespace ShopEase.Web.OpenApi;

/// <summary>
/// Times are written by <see cref="UtcDateTimeOffsetConverter"/>, a converter of our own, whose
/// JSON type the framework cannot see: without this they would be documented with no type at all.
/// </summary>
public sealed class UtcTimestampSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
        {
            schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
            schema.Description ??= "UTC, to the second, e.g. 2026-11-23T06:30:00Z.";
        }

        return Task.CompletedTask;
    }
}
