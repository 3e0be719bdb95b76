using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ShopEase.Web.ExceptionHandling;

namespace ShopEase.Web.OpenApi;

/// <summary>
/// Describes the problem body as <see cref="ProblemWriter"/> writes it, not as the bare
/// <see cref="ProblemDetails"/> class reads: <c>type</c>, <c>title</c>, <c>status</c>, <c>code</c>
/// (one of <see cref="ProblemCodes.All"/>) and <c>traceId</c> always, <c>errors</c> on
/// <c>validation_failed</c>.
/// </summary>
public sealed class ProblemSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(ProblemDetails))
        {
            return Task.CompletedTask;
        }

        schema.Description = "An RFC 9457 problem. Branch on `code`, which is stable; `title` is for people.";
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI naming the kind of problem." };
        schema.Properties["title"] = new OpenApiSchema { Type = JsonSchemaType.String };
        schema.Properties["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status again." };
        schema.Properties["detail"] = new OpenApiSchema { Type = JsonSchemaType.String };
        schema.Properties["instance"] = new OpenApiSchema { Type = JsonSchemaType.String };
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. ProblemCodes.All.Select(code => (JsonNode)JsonValue.Create(code))],
            Description = "The machine-readable reason; the README lists when each is given.",
        };
        schema.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The W3C trace id of the request, to quote when asking about it.",
        };
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "With `validation_failed` only: the request's camelCase field names, each with its messages.",
            AdditionalProperties = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };
        schema.Required = new HashSet<string> { "type", "title", "status", "code", "traceId" };
        return Task.CompletedTask;
    }
}
