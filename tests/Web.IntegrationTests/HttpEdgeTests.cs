using System.Net;
using System.Text;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>Conventions of the contract that hold on every route: problem bodies, headers, limits, slashes.</summary>
public sealed class HttpEdgeTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        var response = await _client.GetAsync("/api/auth/nothing-here");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task WrongMethod_Returns405ProblemWithAllow()
    {
        var response = await _client.GetAsync("/api/auth/login");

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldBe(["POST"]);
        (await response.ReadProblemAsync()).Code.ShouldBe("method_not_allowed");
    }

    [Fact]
    public async Task WrongMethodOnMe_ListsGet()
    {
        var response = await _client.PostJsonAsync("/api/auth/me", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldContain("GET");
    }

    [Theory]
    [InlineData("/api/auth/login/")]
    [InlineData("/api/auth/token/refresh/")]
    [InlineData("/api/auth/register/")]
    public async Task TrailingSlash_IsServedDirectly_NotRedirected(string path)
    {
        var response = await _client.PostJsonAsync(path, new { });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.ShouldBe("validation_failed");
    }

    [Fact]
    public async Task TrailingSlashOnMe_Works()
    {
        var registered = await _client.RegisterAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me/");
        request.Headers.Authorization = new("Bearer", registered.Access);

        (await _client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task NonJsonContentType_Returns415(string? contentType)
    {
        var response = await _client.PostRawAsync("/api/auth/login", "email=a@b.co&password=x", contentType);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await response.ReadProblemAsync()).Code.ShouldBe("unsupported_media_type");
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    public async Task JsonWithCharset_IsAccepted(string contentType)
    {
        var response = await _client.PostRawAsync("/api/auth/login", "{}", contentType);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.ShouldBe("validation_failed");
    }

    [Fact]
    public async Task BodyOver16KiB_Returns413()
    {
        var json = $"{{\"email\":\"a@b.co\",\"password\":\"{new string('x', 17 * 1024)}\"}}";

        var response = await _client.PostRawAsync("/api/auth/register", json);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.ReadProblemAsync()).Code.ShouldBe("payload_too_large");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"email\":")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("[{\"email\":\"a@b.co\"}]")]
    [InlineData("\"a string\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("{\"email\":\"a@b.co\",}")]
    public async Task MalformedOrNonObjectBody_Returns400MalformedRequest(string body)
    {
        var response = await _client.PostRawAsync("/api/auth/login", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.ShouldBe("malformed_request");
    }

    [Theory]
    [InlineData("", "empty or null")]
    [InlineData("null", "empty or null")]
    [InlineData("{\"email\":", "not valid JSON")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("42", "must be a JSON object")]
    public async Task MalformedBody_TheTitleSaysWhatIsWrong(string body, string title)
    {
        var response = await _client.PostRawAsync("/api/auth/login", body);

        (await response.ReadProblemAsync()).Title.ShouldContain(title);
    }

    [Fact]
    public async Task InvalidUtf8_TheTitleSaysSo()
    {
        var response = await _client.PostRawAsync("/api/auth/login", LoginWithInvalidUtf8(), "application/json");

        (await response.ReadProblemAsync()).Title.ShouldContain("not valid UTF-8");
    }

    [Fact]
    public async Task InvalidUtf8_Returns400MalformedRequest()
    {
        var response = await _client.PostRawAsync("/api/auth/login", LoginWithInvalidUtf8(), "application/json");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.ShouldBe("malformed_request");
    }

    [Fact]
    public async Task DeeplyNestedJson_Returns400MalformedRequest()
    {
        var body = "{\"email\":" + new string('[', 500) + new string(']', 500) + "}";

        var response = await _client.PostRawAsync("/api/auth/login", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.ShouldBe("malformed_request");
    }

    [Theory]
    [InlineData("{\"email\":42,\"password\":\"correct horse\"}", "email")]
    [InlineData("{\"email\":\"a@b.co\",\"password\":true}", "password")]
    [InlineData("{\"email\":{\"x\":1},\"password\":\"correct horse\"}", "email")]
    [InlineData("{\"email\":[\"a@b.co\"],\"password\":\"correct horse\"}", "email")]
    public async Task WrongJsonType_Returns400ValidationFailedOnThatField(string body, string field)
    {
        var response = await _client.PostRawAsync("/api/auth/register", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task EveryAuthResponse_CarriesNoStoreAndNosniff()
    {
        var success = await _client.PostJsonAsync("/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password = "correct horse" });
        var failure = await _client.PostRawAsync("/api/auth/login", "{");
        var notFound = await _client.GetAsync("/api/auth/nothing");

        foreach (var response in new[] { success, failure, notFound })
        {
            response.Headers.CacheControl!.NoStore.ShouldBeTrue();
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        }
    }

    [Fact]
    public async Task ResponsesOutsideAuth_CarryNosniff()
    {
        var response = await _client.GetAsync("/somewhere-else");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
    }

    // A login body whose password holds a byte sequence that is not UTF-8 (0xC3 0x28).
    private static byte[] LoginWithInvalidUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"email\":\"a@b.co\",\"password\":\"xx\"}");
        bytes[30] = 0xC3;
        bytes[31] = 0x28;
        return bytes;
    }
}
