using System.Reflection;
using System.Text;
using System.Text.Json;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Web.ExceptionHandling;

/// <summary>
/// Reads the <see cref="JsonException"/> behind a failed body binding: a field of the wrong JSON type is a
/// <c>validation_failed</c> naming that field; anything else means the body as a whole could not be read.
/// </summary>
public static class JsonBindingFailure
{
    /// <summary>
    /// The field error, or null when the body is not JSON or nested too deeply (the reader's own error comes
    /// wrapped), is not valid UTF-8 (it surfaces when a string is decoded), or is not an object (the root failed).
    /// </summary>
    public static ValidationFailedException? AsFieldError(JsonException exception, Type? bodyType)
    {
        if (IsNotJson(exception) || IsNotUtf8(exception))
        {
            return null;
        }

        // "$.price.amount" -> "price": our bodies are flat but for the price, which is named as a whole.
        var path = (exception.Path ?? string.Empty).TrimStart('$', '.');
        var end = path.IndexOfAny(['.', '[']);
        var field = end >= 0 ? path[..end] : path;
        return field.Length == 0
            ? null
            : new ValidationFailedException(JsonNamingPolicy.CamelCase.ConvertName(field), ExpectedType(bodyType, field));
    }

    /// <summary>What is wrong with a body that failed as a whole (<see cref="AsFieldError"/> gave null).</summary>
    public static string Describe(JsonException exception) =>
        IsNotUtf8(exception) ? "The request body is not valid UTF-8."
        : IsNotJson(exception) ? "The request body is not valid JSON or is nested too deeply."
        : "The request body must be a JSON object.";

    // The reader's own errors (syntax, depth) come wrapped in a second JsonException.
    private static bool IsNotJson(JsonException exception) => exception.InnerException is JsonException;

    // Invalid UTF-8 surfaces when a string is decoded.
    private static bool IsNotUtf8(JsonException exception) => exception.InnerException?.InnerException is DecoderFallbackException;

    private static string ExpectedType(Type? bodyType, string field)
    {
        var property = bodyType?.GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type == typeof(bool) ? "Must be true or false."
            : type == typeof(int) || type == typeof(long) ? "Must be a whole number."
            : type == typeof(string) ? "Must be a string."
            : "Has the wrong JSON type.";
    }
}
