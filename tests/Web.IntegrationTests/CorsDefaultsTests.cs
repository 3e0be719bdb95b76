using System.Net;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>With no origin configured, only Development lets the usual local front end in.</summary>
public sealed class CorsDefaultsTests(ProductionApiFactory production, DevelopmentApiFactory development)
    : IClassFixture<ProductionApiFactory>, IClassFixture<DevelopmentApiFactory>
{
    private const string LocalFrontEnd = "http://localhost:3000";

    [Fact]
    public async Task OutsideDevelopment_NoOriginIsAllowedUntilConfigured()
    {
        var response = await CorsTests.PreflightAsync(production.CreateApiClient(), LocalFrontEnd, "/api/auth/login", "POST", "content-type");

        response.Headers.Any(h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)).ShouldBeFalse();
    }

    [Fact]
    public async Task InDevelopment_TheLocalFrontEndIsAllowedByDefault()
    {
        var response = await CorsTests.PreflightAsync(development.CreateApiClient(), LocalFrontEnd, "/api/auth/login", "POST", "content-type");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([LocalFrontEnd]);
    }
}
