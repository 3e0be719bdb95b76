using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ShopEase.Web.Browser;

namespace ShopEase.Web.OpenApi;

/// <summary>Declares browser mode's request headers on the routes that take them (see README, "Browser mode").</summary>
public sealed class BrowserTransportHeadersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var headers = context.Description.ActionDescriptor.EndpointMetadata.OfType<BrowserTransportHeaders>().LastOrDefault();
        if (headers is null)
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(OptionalHeader(
            BrowserTransport.ModeHeader,
            "`cookie` for browser mode: the refresh token travels only in the HttpOnly "
                + "__Host-shopease-refresh cookie, and the answer carries a csrfToken instead of it.",
            [System.Text.Json.Nodes.JsonValue.Create("cookie")]));
        if (headers.NeedsCsrfToken)
        {
            operation.Parameters.Add(OptionalHeader(
                BrowserTransport.CsrfHeader,
                "Required in browser mode: the csrfToken of the session whose cookie is sent. "
                    + "Missing or wrong is 403 csrf_failed, and nothing is spent."));
        }

        return Task.CompletedTask;
    }

    private static OpenApiParameter OptionalHeader(string name, string description, List<System.Text.Json.Nodes.JsonNode>? values = null) =>
        new()
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = values },
        };
}
