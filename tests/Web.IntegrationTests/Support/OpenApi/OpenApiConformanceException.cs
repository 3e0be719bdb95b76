namespace ShopEase.Web.IntegrationTests.Support.OpenApi;

/// <summary>The app answered something its own OpenAPI document does not describe.</summary>
public sealed class OpenApiConformanceException : Exception
{
    public OpenApiConformanceException()
    {
    }

    public OpenApiConformanceException(string message)
        : base(message)
    {
    }

    public OpenApiConformanceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
