using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ShopEase.Web.IntegrationTests.Support.OpenApi;

/// <summary>
/// The app's OpenAPI document, read as a checker of responses. A response conforms when its
/// operation (path template and method; a trailing slash is the same path) declares its status,
/// its media type for that status, and a schema its body is valid against (JSON Schema 2020-12,
/// as OpenAPI 3.1 uses it, formats asserted). Requests outside the document are described by it
/// too: a path it does not list must be answered as its reusable response <c>NotFound</c> says, and
/// a method a listed path does not take as <c>MethodNotAllowed</c> says. Only two requests are not
/// API operations: the document itself, and a CORS preflight, which must be a bodiless 204.
/// Objects are read as closed: a field the schema does not name is a mismatch too, since a
/// generated client would not know it.
/// </summary>
public sealed class OpenApiContract
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string NotFoundResponse = "NotFound";
    public const string MethodNotAllowedResponse = "MethodNotAllowed";

    private const string ComponentSchemas = "#/components/schemas/";
    private const int MaxErrorsShown = 5;

    private static readonly ConcurrentDictionary<string, OpenApiContract> ByDocument = new(StringComparer.Ordinal);

    private static readonly EvaluationOptions Evaluation = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    private readonly JsonElement _document;
    private readonly List<(string Template, string[] Segments, JsonElement Item)> _paths;
    private readonly JsonObject _definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    private OpenApiContract(string documentText)
    {
        _document = JsonDocument.Parse(documentText).RootElement;
        _paths = _document.GetProperty("paths").EnumerateObject()
            .Select(p => (p.Name, Segments(p.Name), p.Value))
            .ToList();
        _definitions = _document.TryGetProperty("components", out var components)
            && components.TryGetProperty("schemas", out var schemas)
                ? (JsonObject)Closed(WithDefinitionRefs(JsonNode.Parse(schemas.GetRawText())!))
                : [];
    }

    /// <summary>One contract per document text: every client of the same app shares the built schemas.</summary>
    public static OpenApiContract For(string documentText) => ByDocument.GetOrAdd(documentText, text => new OpenApiContract(text));

    public static bool IsTheDocument(HttpMethod method, Uri uri) =>
        method == HttpMethod.Get && uri.AbsolutePath.TrimEnd('/').Equals(DocumentPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when the response conforms; otherwise what is wrong, naming the operation, the status and the schema error.</summary>
    public string? Check(HttpMethod method, Uri uri, bool isCorsPreflight, int status, string? mediaType, byte[] body)
    {
        var requestSegments = Segments(uri.AbsolutePath);
        var path = _paths
            .Where(p => Matches(p.Segments, requestSegments))
            .OrderByDescending(p => p.Segments.Count(s => !IsParameter(s)))
            .Select(p => ((string Template, JsonElement Item)?)(p.Template, p.Item))
            .FirstOrDefault();
        if (path is not { } found)
        {
            return CheckReusable(NotFoundResponse, $"{method} {uri.AbsolutePath} (a path the document does not list)", status, mediaType, body);
        }

        if (isCorsPreflight)
        {
            return status == 204 && body.Length == 0
                ? null
                : $"The CORS preflight OPTIONS {found.Template} answered {status} with {body.Length} bytes; a preflight gets a bodiless 204.";
        }

        var label = $"{method} {found.Template}";
        if (!found.Item.TryGetProperty(method.Method.ToLowerInvariant(), out var operation))
        {
            return CheckReusable(MethodNotAllowedResponse, $"{label} (a method the path does not list)", status, mediaType, body);
        }

        var responses = operation.GetProperty("responses");
        var key = new[] { status.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{status / 100}XX", "default" }
            .FirstOrDefault(k => responses.TryGetProperty(k, out _));
        if (key is null)
        {
            var declared = string.Join(", ", responses.EnumerateObject().Select(r => r.Name));
            return $"{label} answered {status}, a status its operation does not declare (it declares {declared}). Body: {Excerpt(body)}";
        }

        var pointer = $"#/paths/{Escape(found.Template)}/{method.Method.ToLowerInvariant()}/responses/{key}";
        return CheckResponse(label, pointer, responses.GetProperty(key), status, mediaType, body);
    }

    private string? CheckReusable(string name, string label, int status, string? mediaType, byte[] body)
    {
        if (!_document.TryGetProperty("components", out var components)
            || !components.TryGetProperty("responses", out var responses)
            || !responses.TryGetProperty(name, out var response))
        {
            return $"{label} answered {status}, and the document has no components/responses/{name} to describe such an answer.";
        }

        var expected = name == NotFoundResponse ? 404 : 405;
        return status == expected
            ? CheckResponse(label, $"#/components/responses/{name}", response, status, mediaType, body)
            : $"{label} answered {status}; components/responses/{name} says {expected}. Body: {Excerpt(body)}";
    }

    private string? CheckResponse(string label, string pointer, JsonElement response, int status, string? mediaType, byte[] body)
    {
        if (response.TryGetProperty("$ref", out var reference))
        {
            var target = reference.GetString()!;
            return CheckResponse(label, target, Resolve(target), status, mediaType, body);
        }

        if (!response.TryGetProperty("content", out var content) || !content.EnumerateObject().Any())
        {
            return body.Length == 0
                ? null
                : $"{label} answered {status} with a body ({mediaType}), but the document declares none for {status}. Body: {Excerpt(body)}";
        }

        var declared = string.Join(", ", content.EnumerateObject().Select(c => c.Name));
        if (body.Length == 0)
        {
            return $"{label} answered {status} with no body, but the document declares {declared}.";
        }

        if (mediaType is null || !content.TryGetProperty(mediaType, out var media))
        {
            return $"{label} answered {status} as {mediaType ?? "no content type"}, but the document declares only {declared} for {status}.";
        }

        if (!IsJson(mediaType) || !media.TryGetProperty("schema", out _))
        {
            return null;
        }

        JsonElement instance;
        try
        {
            using var parsed = JsonDocument.Parse(body);
            instance = parsed.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return $"{label} answered {status} {mediaType} with a body that is not JSON ({ex.Message}). Body: {Excerpt(body)}";
        }

        var schemaPointer = $"{pointer}/content/{Escape(mediaType)}/schema";
        var results = SchemaAt(schemaPointer, media.GetProperty("schema")).Evaluate(instance, Evaluation);
        if (results.IsValid)
        {
            return null;
        }

        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Value}"))
            .Take(MaxErrorsShown)
            .ToList();
        return $"{label} answered {status} {mediaType} with a body that {schemaPointer} rejects: "
            + $"{(errors.Count == 0 ? "invalid" : string.Join("; ", errors))}. Body: {Excerpt(body)}";
    }

    private JsonSchema SchemaAt(string pointer, JsonElement schema) =>
        _schemas.GetOrAdd(pointer, _ =>
        {
            // Self-contained: the response schema, with the document's component schemas as its $defs.
            var node = Closed(WithDefinitionRefs(JsonNode.Parse(schema.GetRawText())!));
            var root = node as JsonObject ?? new JsonObject { ["allOf"] = new JsonArray(node) };
            root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            root["$defs"] = _definitions.DeepClone();
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            using var built = JsonDocument.Parse(root.ToJsonString());
            return JsonSchema.Build(built.RootElement.Clone(), options, new Uri($"https://openapi.shopease.test/{Guid.NewGuid():N}"));
        });

    private JsonElement Resolve(string reference)
    {
        var element = _document;
        foreach (var token in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            element = element.GetProperty(token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return element;
    }

    private static JsonNode WithDefinitionRefs(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (name == "$ref" && value is JsonValue reference && reference.GetValue<string>() is { } target
                        && target.StartsWith(ComponentSchemas, StringComparison.Ordinal))
                    {
                        obj["$ref"] = "#/$defs/" + target[ComponentSchemas.Length..];
                    }
                    else if (value is not null)
                    {
                        WithDefinitionRefs(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        WithDefinitionRefs(item);
                    }
                }

                break;
        }

        return node;
    }

    /// <summary>Every object schema that names its properties and says nothing of others allows no others.</summary>
    private static JsonNode Closed(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj.ToList())
                {
                    if (value is not null)
                    {
                        Closed(value);
                    }
                }

                if (obj.ContainsKey("properties") && !obj.ContainsKey("additionalProperties") && !obj.ContainsKey("unevaluatedProperties"))
                {
                    obj["additionalProperties"] = false;
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Closed(item);
                    }
                }

                break;
        }

        return node;
    }

    private static string[] Segments(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

    private static bool Matches(string[] template, string[] request) =>
        template.Length == request.Length
        && template.Zip(request).All(pair => IsParameter(pair.First) || pair.First.Equals(pair.Second, StringComparison.OrdinalIgnoreCase));

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length <= 400 ? text : text[..400] + "…";
    }
}
