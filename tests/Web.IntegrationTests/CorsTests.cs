using System.Net;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// CORS for browser front ends: the configured origins may send every method and request header the
/// API accepts, with credentials; anyone else gets no CORS headers at all.
/// </summary>
public sealed class CorsTests(CorsTests.FrontendOriginApiFactory factory) : IClassFixture<CorsTests.FrontendOriginApiFactory>
{
    private const string Origin = "http://localhost:3000";

    /// <summary>Every request header the API reads that is not CORS-safelisted.</summary>
    private static readonly string[] RequestHeaders = ["authorization", "content-type", "x-token-transport", "x-csrf-token", "idempotency-key"];

    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Preflight_ForEveryRouteAndMethod_AllowsTheMethodAndEveryHeaderTheApiReads()
    {
        // The OpenAPI document's own route is not part of the contract it describes (nor called from a front end).
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (Path: ConcretePath(e), Method: method)))
            .ToList();
        routes.ShouldContain(("/api/cart/items/" + Guid.Empty, "PUT"));

        foreach (var (path, method) in routes)
        {
            var response = await PreflightAsync(Origin, path, method, string.Join(",", RequestHeaders));

            response.StatusCode.ShouldBe(HttpStatusCode.NoContent, $"{method} {path}");
            response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Origin], $"{method} {path}");
            response.Headers.GetValues("Access-Control-Allow-Credentials").ShouldBe(["true"]);
            AllowList(response, "Access-Control-Allow-Methods").ShouldContain(method.ToLowerInvariant(), $"{method} {path}");
            RequestHeaders.Except(AllowList(response, "Access-Control-Allow-Headers")).ShouldBeEmpty($"{method} {path}");
        }
    }

    [Fact]
    public async Task Preflight_ForAMethodNoRouteAccepts_DoesNotAllowIt()
    {
        var response = await PreflightAsync(Origin, "/api/auth/login", "TRACE", "content-type");

        AllowList(response, "Access-Control-Allow-Methods").ShouldNotContain("trace");
    }

    [Fact]
    public async Task Preflight_ForAHeaderTheApiDoesNotRead_DoesNotAllowIt()
    {
        var response = await PreflightAsync(Origin, "/api/auth/login", "POST", "content-type,x-something-else");

        AllowList(response, "Access-Control-Allow-Headers").ShouldNotContain("x-something-else");
    }

    [Fact]
    public async Task Cors_ExposesRetryAfterAndLocationToTheAllowedOrigin()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("Origin", Origin);

        var response = await _client.SendAsync(request);

        string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")).ShouldContain("Retry-After");
    }

    [Fact]
    public async Task Cors_PreflightFromTheAllowedOrigin_IsAnsweredWithCredentials()
    {
        var response = await PreflightAsync(Origin, "/api/auth/token/refresh", "POST", "content-type,x-csrf-token,x-token-transport");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Origin]);
        response.Headers.GetValues("Access-Control-Allow-Credentials").ShouldBe(["true"]);
        string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant().ShouldContain("x-csrf-token");
    }

    [Fact]
    public async Task Cors_AnyOtherOrigin_GetsNoCorsHeadersAtAll()
    {
        var preflight = await PreflightAsync("https://evil.example", "/api/auth/token/refresh", "POST", "content-type,x-csrf-token,x-token-transport");
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("Origin", "https://evil.example");
        var simple = await _client.SendAsync(request);

        foreach (var response in new[] { preflight, simple })
        {
            response.Headers.Any(h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)).ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Cors_ASimpleRequestFromTheAllowedOrigin_GetsTheOriginBack()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("Origin", Origin);

        var response = await _client.SendAsync(request);

        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Origin]);
    }

    private Task<HttpResponseMessage> PreflightAsync(string origin, string path, string method, string headers) =>
        PreflightAsync(_client, origin, path, method, headers);

    internal static Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin, string path, string method, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return client.SendAsync(request);
    }

    private static string[] AllowList(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values)
            ? values.SelectMany(v => v.Split(',')).Select(v => v.Trim().ToLowerInvariant()).ToArray()
            : [];

    private static string ConcretePath(RouteEndpoint endpoint) =>
        "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => Guid.Empty.ToString(),
            _ => string.Empty,
        }))));

    public sealed class FrontendOriginApiFactory : ShopEaseApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = Origin,
        };
    }
}
