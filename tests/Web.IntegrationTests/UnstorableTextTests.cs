using System.Net;
using System.Text;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// Text PostgreSQL cannot hold (a NUL, half a surrogate pair) used to reach the database and fail the
/// request with a 500; the hostile-input sweep found each of these. It is refused, or, for a login,
/// answered like an unknown email.
/// </summary>
public sealed class UnstorableTextTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Theory]
    [InlineData("\"name\":\"Mug\\u0000\"", "name")]
    [InlineData("\"name\":\"Mug\\ud800\"", "name")]
    [InlineData("\"name\":\"Mug\",\"description\":\"A mug\\u0000\"", "description")]
    public async Task CreateProduct_WithUnstorableText_Is400OnThatField(string fields, string field)
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var body = $"{{\"sku\":\"{ShopClientExtensions.UniqueSku()}\",{fields},\"price\":{{\"amount\":100,\"currency\":\"EUR\"}},\"stock\":1}}";

        var response = await SendJsonAsync(HttpMethod.Post, "/api/products", body, staff.Access);

        await ShouldBeValidationFailedAsync(response, field);
    }

    [Fact]
    public async Task SearchProducts_WithANulInTheText_Is400OnQ()
    {
        var response = await _client.GetAsync("/api/products?q=mug%00");

        await ShouldBeValidationFailedAsync(response, "q");
    }

    [Fact]
    public async Task AdminListUsers_WithANulInTheEmailFilter_Is400OnEmail()
    {
        var staff = await _client.RegisterStaffAsync(factory);

        var response = await _client.SendAsync(HttpMethod.Get, "/api/admin/users?email=ann%00", staff.Access);

        await ShouldBeValidationFailedAsync(response, "email");
    }

    [Fact]
    public async Task Login_WithANulInTheEmail_IsInvalidCredentials()
    {
        var response = await SendJsonAsync(HttpMethod.Post, "/api/auth/login", "{\"email\":\"ann\\u0000@shop.io\",\"password\":\"whatever it is\"}");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, await response.Content.ReadAsStringAsync());
        (await response.ReadProblemAsync()).Code.ShouldBe("invalid_credentials");
    }

    [Fact]
    public async Task Login_WithHalfACharacterInTheEmail_IsValidationFailed()
    {
        var response = await SendJsonAsync(HttpMethod.Post, "/api/auth/login", "{\"email\":\"ann\\ud800@shop.io\",\"password\":\"whatever it is\"}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.ReadProblemAsync()).Code.ShouldBe("validation_failed");
    }

    [Fact]
    public async Task OpenApiDocument_AskedForAnotherDocumentName_Is404Problem()
    {
        var response = await _client.GetAsync("/openapi/v1.json?documentName=internal");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Code.ShouldBe("not_found");
    }

    private Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string json, string? bearer = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        return _client.SendAsync(request);
    }

    private static async Task ShouldBeValidationFailedAsync(HttpResponseMessage response, string field)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors.ShouldNotBeNull().Keys.ShouldContain(field);
    }
}
