using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class OpenApiTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    [Fact]
    public async Task Document_ListsEveryApiRouteWithItsMethods()
    {
        using var document = JsonDocument.Parse(await factory.CreateApiClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal)
                || e.RoutePattern.RawText.StartsWith("/.well-known", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Path: e.RoutePattern.RawText!, Method: m)))
            .ToList();

        routes.Count.ShouldBeGreaterThanOrEqualTo(13, "the auth, session, admin and JWKS routes");
        foreach (var (path, method) in routes)
        {
            paths.TryGetProperty(path, out var item).ShouldBeTrue($"{path} is missing from the OpenAPI document");
            item.TryGetProperty(method.ToLowerInvariant(), out _).ShouldBeTrue($"{method} {path} is missing");
        }
    }

    [Fact]
    public async Task Document_DeclaresTheBearerSchemeAndUsesItOnProtectedRoutes()
    {
        using var document = JsonDocument.Parse(await factory.CreateApiClient().GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;

        root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        root.GetProperty("paths").GetProperty("/api/auth/me").GetProperty("get").TryGetProperty("security", out _).ShouldBeTrue();
        root.GetProperty("paths").GetProperty("/api/auth/login").GetProperty("post").TryGetProperty("security", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Document_DescribesRequestBodiesAndProblemResponses()
    {
        using var document = JsonDocument.Parse(await factory.CreateApiClient().GetStringAsync("/openapi/v1.json"));
        var register = document.RootElement.GetProperty("paths").GetProperty("/api/auth/register").GetProperty("post");

        register.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
        register.GetProperty("responses").GetProperty("201").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
        register.GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("/api/auth/register", false)]
    [InlineData("/api/auth/login", false)]
    [InlineData("/api/auth/token/refresh", true)]
    [InlineData("/api/auth/logout", true)]
    public async Task Document_DeclaresBrowserModeHeadersWhereTheyApply(string path, bool takesCsrfToken)
    {
        using var document = JsonDocument.Parse(await factory.CreateApiClient().GetStringAsync("/openapi/v1.json"));
        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post");

        var headers = operation.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "header")
            .Select(p => p.GetProperty("name").GetString())
            .ToList();

        headers.ShouldContain("X-Token-Transport");
        headers.Contains("X-CSRF-Token").ShouldBe(takesCsrfToken);
    }

    [Fact]
    public async Task Document_DeclaresNoBrowserModeHeadersOnOtherRoutes()
    {
        using var document = JsonDocument.Parse(await factory.CreateApiClient().GetStringAsync("/openapi/v1.json"));
        var verify = document.RootElement.GetProperty("paths").GetProperty("/api/auth/token/verify").GetProperty("post");

        var headers = verify.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList()
            : [];

        headers.ShouldNotContain("X-Token-Transport");
    }

    [Theory]
    [InlineData("/api/auth/email/verify", "200", false)]
    [InlineData("/api/auth/email/verify/resend", "202", true)]
    [InlineData("/api/auth/password/forgot", "202", false)]
    [InlineData("/api/auth/password/reset", "204", false)]
    [InlineData("/api/auth/email", "202", true)]
    public async Task Document_DeclaresTheEmailRoutesAnswersAndWhichNeedAToken(string path, string success, bool needsToken)
    {
        using var document = JsonDocument.Parse(await factory.CreateApiClient().GetStringAsync("/openapi/v1.json"));
        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post");

        operation.GetProperty("responses").TryGetProperty(success, out _).ShouldBeTrue($"{path} does not declare {success}");
        operation.GetProperty("responses").TryGetProperty("400", out _).ShouldBe(!path.EndsWith("/resend", StringComparison.Ordinal));
        operation.TryGetProperty("security", out _).ShouldBe(needsToken);
    }
}
