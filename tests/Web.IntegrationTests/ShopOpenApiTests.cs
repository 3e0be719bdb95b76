using System.Text.Json;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>The shop's routes as the OpenAPI document tells a client about them.</summary>
public sealed class ShopOpenApiTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    [Fact]
    public async Task Checkout_DeclaresTheIdempotencyKeyHeader_TheBearerScheme_AndTheOutOfStockProblem()
    {
        using var document = JsonDocument.Parse(await factory.CreateApiClient().GetStringAsync("/openapi/v1.json"));
        var checkout = document.RootElement.GetProperty("paths").GetProperty("/api/orders").GetProperty("post");

        checkout.GetProperty("parameters").EnumerateArray()
            .ShouldContain(p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
        checkout.TryGetProperty("security", out _).ShouldBeTrue();
        checkout.GetProperty("responses").GetProperty("409").GetProperty("content")
            .TryGetProperty("application/problem+json", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task ProductWrites_AreSecured_AndReadsAreNot()
    {
        using var document = JsonDocument.Parse(await factory.CreateApiClient().GetStringAsync("/openapi/v1.json"));
        var products = document.RootElement.GetProperty("paths").GetProperty("/api/products");

        products.GetProperty("post").TryGetProperty("security", out _).ShouldBeTrue();
        products.GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
        products.GetProperty("get").TryGetProperty("security", out _).ShouldBeFalse();
    }
}
