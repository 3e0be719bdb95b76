using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ShopEase.Web.OpenApi;

/// <summary>
/// Documents what the API answers outside its operations, as reusable responses a client can rely
/// on: <c>NotFound</c> for any path the document does not list, and <c>MethodNotAllowed</c> (with
/// <c>Allow</c>) for a listed path called with a method it does not list.
/// </summary>
public sealed class UnroutedResponsesTransformer : IOpenApiDocumentTransformer
{
    public const string NotFound = "NotFound";
    public const string MethodNotAllowed = "MethodNotAllowed";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var problem = await context.GetOrCreateReferenceAsync(document, typeof(ProblemDetails), cancellationToken);
        var notFound = ProblemResponsesTransformer.Problem(StatusCodes.Status404NotFound, problem);
        notFound.Description = "Any path this document does not list: 404 `not_found`.";
        var methodNotAllowed = ProblemResponsesTransformer.Problem(StatusCodes.Status405MethodNotAllowed, problem);
        methodNotAllowed.Description = "A path of this document called with a method it does not list: 405 `method_not_allowed`.";
        methodNotAllowed.Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["Allow"] = new OpenApiHeader
            {
                Description = "The methods the path takes.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };
        document.Components ??= new OpenApiComponents();
        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        document.Components.Responses[NotFound] = notFound;
        document.Components.Responses[MethodNotAllowed] = methodNotAllowed;
    }
}
