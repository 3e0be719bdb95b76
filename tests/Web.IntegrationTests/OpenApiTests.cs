using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ShopEase.Web.ExceptionHandling;
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
                || e.RoutePattern.RawText.StartsWith("/.well-known", StringComparison.Ordinal)
                || e.RoutePattern.RawText.StartsWith("/health", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Path: WithoutConstraints(e.RoutePattern.RawText!), Method: m)))
            .ToList();

        routes.Count.ShouldBeGreaterThanOrEqualTo(15, "the auth, session, admin, JWKS and health routes");
        foreach (var (path, method) in routes)
        {
            paths.TryGetProperty(path, out var item).ShouldBeTrue($"{path} is missing from the OpenAPI document");
            item.TryGetProperty(method.ToLowerInvariant(), out _).ShouldBeTrue($"{method} {path} is missing");
        }
    }

    [Fact]
    public async Task Document_EveryOperationIsListedInTheApiReference()
    {
        using var document = JsonDocument.Parse(await factory.CreateApiClient().GetStringAsync("/openapi/v1.json"));
        var reference = await File.ReadAllTextAsync(Path.Combine(ExternalCommand.RepositoryRoot(), "docs", "api.md"));

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToList();

        operations.ShouldNotBeEmpty();
        operations.Where(operation => !reference.Contains($"`{operation}`", StringComparison.Ordinal)
                && !reference.Contains($"`{operation}?", StringComparison.Ordinal))
            .ShouldBeEmpty("operations of the OpenAPI document that docs/api.md does not list");
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
    [InlineData("/api/auth/login/mfa", "200", "AuthResult", "BrowserAuthResponse")]
    [InlineData("/api/auth/token/refresh", "200", "TokenPair", "BrowserTokenResponse")]
    public async Task BodyModeAndBrowserMode_AreTwoDocumentedShapesOfOneAnswer(string path, string status, string bodyMode, string browserMode)
    {
        using var document = await DocumentAsync();
        var schema = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("responses")
            .GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema");

        schema.GetProperty("oneOf").EnumerateArray().Select(s => s.GetProperty("$ref").GetString())
            .ShouldBe([$"#/components/schemas/{bodyMode}", $"#/components/schemas/{browserMode}"], ignoreOrder: true);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Required(schemas.GetProperty(bodyMode)).ShouldContain("refresh");
        Required(schemas.GetProperty(bodyMode)).ShouldNotContain("csrfToken");
        Required(schemas.GetProperty(browserMode)).ShouldContain("csrfToken");
        Required(schemas.GetProperty(browserMode)).ShouldNotContain("refresh");
    }

    [Fact]
    public async Task Login_IsThreeDocumentedShapes_BodyModeBrowserModeAndMfaRequired()
    {
        using var document = await DocumentAsync();
        var schema = document.RootElement.GetProperty("paths").GetProperty("/api/auth/login").GetProperty("post").GetProperty("responses")
            .GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");

        schema.GetProperty("oneOf").EnumerateArray().Select(s => s.GetProperty("$ref").GetString())
            .ShouldBe(["#/components/schemas/AuthResult", "#/components/schemas/BrowserAuthResponse", "#/components/schemas/MfaRequiredResult"], ignoreOrder: true);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Required(schemas.GetProperty("AuthResult")).ShouldContain("refresh");
        Required(schemas.GetProperty("BrowserAuthResponse")).ShouldContain("csrfToken");
        Required(schemas.GetProperty("MfaRequiredResult")).ShouldBe(["mfaRequired", "mfaToken", "expiresIn"], ignoreOrder: true);
        schemas.GetProperty("MfaRequiredResult").GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .ShouldBe(["mfaRequired", "mfaToken", "expiresIn"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("/api/auth/login/mfa", "401")]
    [InlineData("/api/auth/login/mfa", "429")]
    [InlineData("/api/auth/mfa/totp/setup", "401")]
    [InlineData("/api/auth/mfa/totp/setup", "429")]
    [InlineData("/api/auth/mfa/totp/confirm", "401")]
    [InlineData("/api/auth/mfa/totp/disable", "401")]
    [InlineData("/api/auth/mfa/totp/disable", "429")]
    [InlineData("/api/auth/mfa/recovery-codes", "401")]
    [InlineData("/api/auth/mfa/recovery-codes", "429")]
    public async Task SecondFactorRoutes_DeclareTheirProblemAnswers(string path, string status)
    {
        using var document = await DocumentAsync();
        var responses = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("responses");

        responses.TryGetProperty(status, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Register_DocumentsBodyMode_BrowserMode_AndTheAccountAloneWhenVerifiedEmailIsRequired()
    {
        using var document = await DocumentAsync();
        var schema = document.RootElement.GetProperty("paths").GetProperty("/api/auth/register").GetProperty("post").GetProperty("responses")
            .GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("schema");

        schema.GetProperty("oneOf").EnumerateArray().Select(s => s.GetProperty("$ref").GetString())
            .ShouldBe(["#/components/schemas/AuthResult", "#/components/schemas/BrowserAuthResponse", "#/components/schemas/UserResult"], ignoreOrder: true);
        Required(document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("UserResult")).ShouldBe(["user"]);
    }

    [Theory]
    [InlineData("/api/auth/email/verify", "200", false)]
    [InlineData("/api/auth/email/verify/resend", "202", true)]
    [InlineData("/api/auth/password/forgot", "202", false)]
    [InlineData("/api/auth/password/reset", "204", false)]
    [InlineData("/api/auth/email", "202", true)]
    public async Task EmailRoutes_DeclareTheirAnswer_AndWhetherTheyNeedAToken(string path, string success, bool needsToken)
    {
        using var document = await DocumentAsync();
        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post");

        operation.GetProperty("responses").TryGetProperty(success, out _).ShouldBeTrue($"{path} does not declare {success}");
        operation.TryGetProperty("security", out _).ShouldBe(needsToken);
    }

    [Fact]
    public async Task ForgotPassword_DeclaresNo429_BecauseItsLimitsAnswer202Too()
    {
        using var document = await DocumentAsync();
        var responses = document.RootElement.GetProperty("paths").GetProperty("/api/auth/password/forgot").GetProperty("post").GetProperty("responses");

        responses.TryGetProperty("429", out _).ShouldBeFalse();
        document.RootElement.GetProperty("paths").GetProperty("/api/auth/email/verify/resend").GetProperty("post").GetProperty("responses")
            .TryGetProperty("429", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Login_Declares403_ForAnUnverifiedEmail()
    {
        using var document = await DocumentAsync();

        document.RootElement.GetProperty("paths").GetProperty("/api/auth/login").GetProperty("post").GetProperty("responses")
            .TryGetProperty("403", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Logout_Declares205WithNoBody()
    {
        using var document = await DocumentAsync();
        var responses = document.RootElement.GetProperty("paths").GetProperty("/api/auth/logout").GetProperty("post").GetProperty("responses");

        responses.GetProperty("205").TryGetProperty("content", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task ProblemSchema_ListsEveryCodeAsAnEnum_AndRequiresWhatEveryProblemCarries()
    {
        using var document = await DocumentAsync();
        var problem = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails");

        problem.GetProperty("properties").GetProperty("code").GetProperty("enum").EnumerateArray().Select(c => c.GetString())
            .ShouldBe(ProblemCodes.All, ignoreOrder: true);
        ProblemCodes.All.ShouldContain(ProblemCodes.ServiceUnavailable);
        Required(problem).ShouldBe(["type", "title", "status", "code", "traceId"], ignoreOrder: true);
        problem.GetProperty("properties").GetProperty("errors").GetProperty("additionalProperties").GetProperty("items")
            .GetProperty("type").GetString().ShouldBe("string");
    }

    [Fact]
    public async Task EveryOperation_DeclaresTheProblemAnswersItsMappingCanGive()
    {
        using var document = await DocumentAsync();

        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var op = operation.Value;
                // /health/ready answers 503 with its own body, not a problem.
                var expected = new List<string> { "500" };
                if (!path.Name.StartsWith("/health", StringComparison.Ordinal))
                {
                    expected.Add("503");
                }

                if (op.TryGetProperty("requestBody", out _))
                {
                    expected.AddRange(["400", "413", "415"]);
                }

                if (op.TryGetProperty("security", out _))
                {
                    expected.Add("401");
                }

                if (path.Name.Contains('{', StringComparison.Ordinal))
                {
                    expected.Add("404");
                }

                var responses = op.GetProperty("responses");
                foreach (var status in expected)
                {
                    responses.TryGetProperty(status, out var response).ShouldBeTrue($"{operation.Name} {path.Name} lacks {status}");
                    response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref")
                        .GetString().ShouldBe("#/components/schemas/ProblemDetails", $"{operation.Name} {path.Name} {status}");
                }
            }
        }
    }

    [Theory]
    [InlineData("NotFound", 404)]
    [InlineData("MethodNotAllowed", 405)]
    public async Task AnswersOutsideTheOperations_AreReusableProblemResponses(string name, int status)
    {
        using var document = await DocumentAsync();
        var response = document.RootElement.GetProperty("components").GetProperty("responses").GetProperty(name);

        response.GetProperty("description").GetString()!.ShouldContain(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref")
            .GetString().ShouldBe("#/components/schemas/ProblemDetails");
    }

    private async Task<JsonDocument> DocumentAsync() =>
        JsonDocument.Parse(await factory.CreateApiClient().GetStringAsync("/openapi/v1.json"));

    private static List<string?> Required(JsonElement schema) =>
        schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();

    /// <summary>The document names a route's parameters without their constraints: /passkeys/{id}, not /passkeys/{id:guid}.</summary>
    private static string WithoutConstraints(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+):[^}]+\}", "{$1}");
}
