using System.Net;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class HealthAndHeadersTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WithDatabaseUp_Is200Healthy(string path)
    {
        var response = await _client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("{\"status\":\"Healthy\"}");
    }

    [Fact]
    public async Task Health_WithDatabaseDown_ReadyIs503AndLiveStays200_WithNothingInternalInTheBody()
    {
        using var unreachable = new StandaloneApiFactory("Testing", new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = factory.SigningKey,
            ["ConnectionStrings:Default"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Password=hunter2;Timeout=2",
        });
        var client = unreachable.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await ready.Content.ReadAsStringAsync();
        body.ShouldBe("{\"status\":\"Unhealthy\"}");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/auth/me")]
    [InlineData("/health/live")]
    [InlineData("/no/such/route")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        var response = await _client.GetAsync(path);

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
    }
}
