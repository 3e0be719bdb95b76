using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>Outside Development, browsers are told to keep to HTTPS for a year, subdomains included.</summary>
public sealed class HstsTests(ProductionApiFactory factory) : IClassFixture<ProductionApiFactory>
{
    [Fact]
    public async Task HttpsResponse_InProduction_AsksForHttpsForAYearIncludingSubdomains()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://api.shop.example") });

        var response = await client.GetAsync("/health/live");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").ShouldBe(["max-age=31536000; includeSubDomains"]);
    }
}
