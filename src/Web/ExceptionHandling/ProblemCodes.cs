using System.Reflection;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Web.ExceptionHandling;

/// <summary>The stable, machine-readable <c>code</c> of every problem response (README, "What an error looks like").</summary>
public static class ProblemCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string MalformedRequest = "malformed_request";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string InvalidCredentials = "invalid_credentials";
    public const string InvalidMfaCode = "invalid_mfa_code";
    public const string NotAuthenticated = "not_authenticated";
    public const string TokenNotValid = "token_not_valid";
    public const string Forbidden = "forbidden";
    public const string CsrfFailed = "csrf_failed";
    public const string EmailNotVerified = "email_not_verified";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string RateLimited = "rate_limited";
    public const string OutOfStock = "out_of_stock";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string ServiceUnavailable = "service_unavailable";
    public const string InternalError = "internal_error";

    /// <summary>
    /// Every code above and every code a <see cref="ProblemException"/> of the Application or Web layer carries,
    /// found by reflection: the OpenAPI document lists them as the enum of <c>code</c>, so a feature's new error
    /// type is documented without a word here.
    /// </summary>
    public static IReadOnlyList<string> All { get; } = typeof(ProblemCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Union(CarriedByExceptions())
        .ToArray();

    // Every exception type has a parameterless constructor (CA1032), whose instance carries the type's code.
    private static IEnumerable<string> CarriedByExceptions() =>
        new[] { typeof(ProblemException).Assembly, typeof(ProblemCodes).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.IsSubclassOf(typeof(ProblemException)) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(type => ((ProblemException)Activator.CreateInstance(type)!).Code);
}
