namespace ShopEase.Application.Common.Options;

/// <summary>Section <c>Email</c>: where the links in account mail lead.</summary>
public sealed class EmailLinkOptions
{
    public const string SectionName = "Email";

    /// <summary>
    /// The front end's address: links are <c>{LinkBaseUrl}/verify-email?token=…</c> and
    /// <c>{LinkBaseUrl}/reset-password?token=…</c>. An absolute http or https URL.
    /// </summary>
    public string LinkBaseUrl { get; set; } = "http://localhost:3000";

    public static bool IsValidBaseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
