namespace ShopEase.Web.Http;

/// <summary>Section <c>Http</c>.</summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "Http";

    public int MaxRequestBodyBytes { get; set; } = 16 * 1024;
}
