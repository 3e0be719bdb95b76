using System.Globalization;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Web.Http;

/// <summary>
/// Query-string numbers, read by hand so that a bad one is a <c>validation_failed</c> naming its
/// parameter rather than the framework's bare binding failure.
/// </summary>
public static class QueryParameters
{
    public static int IntOrDefault(string? value, string field, int fallback) =>
        string.IsNullOrEmpty(value) ? fallback
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : throw new ValidationFailedException(field, "Must be a whole number.");

    /// <summary>A sign is read, so that the validator can say why a negative number is wrong.</summary>
    public static long? OptionalLong(string? value, string field) =>
        string.IsNullOrEmpty(value) ? null
        : long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : throw new ValidationFailedException(field, "Must be a whole number.");
}
