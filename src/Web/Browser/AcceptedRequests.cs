using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using ShopEase.Web.OpenApi;

namespace ShopEase.Web.Browser;

/// <summary>The HTTP methods and request headers the API's endpoints accept, read from their metadata.</summary>
public static class AcceptedRequests
{
    public static string[] Methods(IEnumerable<Endpoint> endpoints) =>
        endpoints
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static string[] Headers(IEnumerable<Endpoint> endpoints) =>
        endpoints
            .SelectMany(HeadersOf)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToArray();

    private static IEnumerable<string> HeadersOf(Endpoint endpoint)
    {
        var metadata = endpoint.Metadata;
        if (metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 })
        {
            yield return HeaderNames.ContentType;
        }

        if (metadata.GetMetadata<IAuthorizeData>() is not null)
        {
            yield return HeaderNames.Authorization;
        }

        if (metadata.GetMetadata<BrowserTransportHeaders>() is { } browser)
        {
            foreach (var header in browser.Names)
            {
                yield return header;
            }
        }

        // Handler parameters bound with [FromHeader], e.g. checkout's Idempotency-Key.
        foreach (var parameter in metadata.GetOrderedMetadata<IParameterBindingMetadata>())
        {
            if (parameter.ParameterInfo.GetCustomAttributes().OfType<IFromHeaderMetadata>().FirstOrDefault() is { } fromHeader)
            {
                yield return fromHeader.Name ?? parameter.Name;
            }
        }
    }
}
