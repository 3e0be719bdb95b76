using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Web.ExceptionHandling;

namespace ShopEase.Web.Http;

/// <summary>
/// Reads a request body as a JSON object of type <typeparamref name="T"/> and says precisely what
/// is wrong when it is not one: too large (413), not JSON (415), empty, invalid UTF-8, malformed,
/// too deep or not an object (400 <c>malformed_request</c>), or a field of the wrong JSON type
/// (400 <c>validation_failed</c> naming the field).
/// </summary>
public static class JsonBody
{
    private const int MaxDepth = 32;

    // The web defaults read "2" as the number 2; a string where the contract says number is a wrong JSON type.
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        MaxDepth = MaxDepth,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static async Task<T> ReadJsonAsync<T>(this HttpRequest request, CancellationToken cancellationToken)
        where T : class =>
        await request.ReadJsonCoreAsync<T>(allowEmpty: false, cancellationToken)
            ?? throw new RequestBodyException("The request body is empty; send a JSON object.");

    /// <summary>As <see cref="ReadJsonAsync{T}"/>, but a request without a body gives <c>null</c>.</summary>
    public static Task<T?> ReadOptionalJsonAsync<T>(this HttpRequest request, CancellationToken cancellationToken)
        where T : class =>
        request.ReadJsonCoreAsync<T>(allowEmpty: true, cancellationToken);

    private static async Task<T?> ReadJsonCoreAsync<T>(this HttpRequest request, bool allowEmpty, CancellationToken cancellationToken)
        where T : class
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        var body = await ReadUpToAsync(request.Body, limit, cancellationToken);
        if (body.Length == 0)
        {
            return allowEmpty ? null : throw new RequestBodyException("The request body is empty; send a JSON object.");
        }

        if (!IsJson(request.ContentType))
        {
            throw new RequestBodyException(
                StatusCodes.Status415UnsupportedMediaType,
                ProblemCodes.UnsupportedMediaType,
                "Send the body as application/json.");
        }

        if (!Utf8.IsValid(body))
        {
            throw new RequestBodyException("The request body is not valid UTF-8.");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new RequestBodyException("The request body is not valid JSON or is nested too deeply.");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RequestBodyException("The request body must be a JSON object.");
        }

        try
        {
            return root.Deserialize<T>(SerializerOptions)
                ?? throw new RequestBodyException("The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            throw new ValidationFailedException(field, ExpectedType<T>(field));
        }
    }

    private static async Task<byte[]> ReadUpToAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static RequestBodyException TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, $"The request body is over {limit} bytes.");

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType is { } mediaType
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        && (parsed.CharSet is null || parsed.CharSet.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static string ExpectedType<T>(string field)
    {
        var property = typeof(T).GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type == typeof(bool) ? "Must be true or false."
            : type == typeof(int) || type == typeof(long) ? "Must be a whole number."
            : type == typeof(string) ? "Must be a string."
            : "Has the wrong JSON type.";
    }

    // "$.email" -> "email"; our requests are flat, so the first segment is the field.
    private static string FieldOf(string? path)
    {
        var field = (path ?? string.Empty).TrimStart('$', '.');
        var end = field.IndexOfAny(['.', '[']);
        field = end >= 0 ? field[..end] : field;
        return field.Length == 0 ? "body" : JsonNamingPolicy.CamelCase.ConvertName(field);
    }
}
