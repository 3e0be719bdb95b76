using FluentValidation.Results;

namespace ShopEase.Application.UnitTests.TestSupport;

internal static class ValidationResultExtensions
{
    /// <summary>The messages for one property, in order, so a test can assert the exact list.</summary>
    public static string[] MessagesFor(this ValidationResult result, string propertyName) =>
        result.Errors
            .Where(e => e.PropertyName == propertyName)
            .Select(e => e.ErrorMessage)
            .ToArray();
}
