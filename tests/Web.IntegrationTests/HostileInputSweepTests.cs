using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using ShopEase.Web.ExceptionHandling;
using ShopEase.Web.IntegrationTests.Support;
using ShopEase.Web.IntegrationTests.Support.OpenApi;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// Hostile values through every header the API reads, every route value, every query parameter and every
/// body field of every endpoint, the endpoints read from the app's own endpoint data source (a new route is
/// swept without editing this test). Each request changes one input of an otherwise plausible request from a
/// signed-in staff member. No answer may be a 5xx, and every error must be a problem body with a contract code.
/// </summary>
public sealed class HostileInputSweepTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    /// <summary>Text as a header, a route or a query value may carry it (CR and LF cannot travel in a header).</summary>
    private static readonly string[] HostileText =
    [
        "", " ", new string('a', 8 * 1024), "ünïcødé ✓ 漢字", "\U0001F600", "\uD800", "x\uDC00", "\u0000", "\u0007\u001B",
        "'; DROP TABLE users; --", "-1", "99999999999999999999", "1e309", "AAAA====", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
        "00000000-0000-0000-0000-000000000000", "%FF", "{\"a\":[",
    ];

    /// <summary>Percent-encodings that are not UTF-8, or not what they seem.</summary>
    private static readonly string[] HostileEncoded = ["%FF", "%C0%AF", "%ED%A0%80", "%25", "%2F", "%2e%2e", "%0A%0D", "%E2%80%AE"];

    /// <summary>JSON values of every kind, for every field of a request body.</summary>
    private static readonly string[] HostileJson =
    [
        "null", "true", "-1", "1.5", "1e400", "99999999999999999999", "\"\"", "\"2\"", "\"\\u0000\"", "\"\\ud800\"", "\"x\\udc00\"",
        "\"" + new string('a', 300) + "\"", "\"'; DROP TABLE users; --\"", "[]", "{}",
    ];

    /// <summary>Values that make the rest of a body valid, so that the hostile field gets as far as it can.</summary>
    private static readonly Dictionary<string, Func<string>> PlausibleFields = new(StringComparer.Ordinal)
    {
        ["email"] = () => $"\"{ApiClientExtensions.UniqueEmail("sweep")}\"",
        ["password"] = () => "\"correct horse battery\"",
        ["currentPassword"] = () => "\"not the password\"",
        ["newPassword"] = () => "\"a brand new passphrase\"",
        ["sku"] = () => $"\"{ShopClientExtensions.UniqueSku("SWEEP")}\"",
        ["name"] = () => "\"Sweep\"",
        ["description"] = () => "\"Swept.\"",
        ["currency"] = () => "\"EUR\"",
    };

    private static readonly string[] ContractCodes = typeof(ProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .Except([ProblemCodes.InternalError, ProblemCodes.ServiceUnavailable])
        .ToArray();

    private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task EveryHeaderTheApiReads_OnEveryEndpoint_NeverAnswers5xx()
    {
        var caller = await SignInAsync();
        var headers = new (string Name, Func<string, string> Value)[]
        {
            ("Authorization", v => "Bearer " + v), ("Cookie", v => "__Host-shopease-refresh=" + v), ("X-CSRF-Token", v => v),
            ("X-Token-Transport", v => v), ("Idempotency-Key", v => v), ("User-Agent", v => v), ("X-Forwarded-For", v => v),
            ("Origin", v => v), ("Content-Type", v => v),
        };

        var requests = from endpoint in Endpoints()
                       from header in headers
                       from value in HostileText
                       select Request(endpoint, caller, header.Name, header.Value(value));

        await SweepAsync(requests);
    }

    [Fact]
    public async Task EveryRouteValue_OnEveryEndpoint_NeverAnswers5xx()
    {
        var caller = await SignInAsync();
        // A NUL (%00) never reaches the app in a path: the server refuses the request line first, as Kestrel does.
        var values = HostileText.Where(v => v.Length > 0 && !v.Contains('\0', StringComparison.Ordinal))
            .Select(Uri.EscapeDataString).Concat(HostileEncoded);

        var requests = from endpoint in Endpoints()
                       from parameter in endpoint.Route.RoutePattern.Parameters
                       from value in values
                       select Request(endpoint, caller, routeValues: new Dictionary<string, string> { [parameter.Name] = value });

        await SweepAsync(requests);
    }

    [Fact]
    public async Task EveryQueryParameter_OnEveryEndpoint_NeverAnswers5xx()
    {
        var caller = await SignInAsync();
        var values = HostileText.Select(Uri.EscapeDataString).Concat(HostileEncoded).Append("%00");

        var requests = from endpoint in Endpoints()
                       from parameter in endpoint.QueryParameters
                       from value in values
                       select Request(endpoint, caller, query: $"{parameter}={value}");

        await SweepAsync(requests);
    }

    [Fact]
    public async Task EveryBodyField_OnEveryEndpoint_NeverAnswers5xx()
    {
        var caller = await SignInAsync();

        var requests = from endpoint in Endpoints()
                       where endpoint.BodyType is not null
                       from path in FieldPaths(endpoint.BodyType!)
                       from value in HostileJson
                       select Request(endpoint, caller, body: PlausibleBody(endpoint.BodyType!, path, value));

        await SweepAsync(requests);
    }

    [Fact]
    public async Task EveryMalformedBodyAndContentType_OnEveryEndpoint_NeverAnswers5xx()
    {
        var caller = await SignInAsync();
        var json = new MediaTypeHeaderValue("application/json");
        var bodies = new (byte[] Bytes, MediaTypeHeaderValue? ContentType, bool Chunked)[]
        {
            ([], json, false), ("{"u8.ToArray(), json, false), ("[]"u8.ToArray(), json, false), ("null"u8.ToArray(), json, false),
            ("\"x\""u8.ToArray(), json, false), ("1"u8.ToArray(), json, false), ("{\"a\":1,\"a\":2}"u8.ToArray(), json, false),
            ("{\"email\":\"a\"/*x*/}"u8.ToArray(), json, false), ("{\"email\":\"a\",}"u8.ToArray(), json, false),
            (Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 500)), json, false),
            (Encoding.UTF8.GetBytes(new string('[', 100_000)), json, false),
            ([0x7B, 0x22, 0x65, 0x6D, 0x61, 0x69, 0x6C, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0xC0, 0xAF, 0x22, 0x7D], json, false),
            ([0xEF, 0xBB, 0xBF, .. "{}"u8], json, false),
            ([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], new("application/json") { CharSet = "utf-16" }, false),
            ("{}"u8.ToArray(), new("application/json") { CharSet = "latin1" }, false),
            ("{}"u8.ToArray(), new("text/plain"), false), ("<a/>"u8.ToArray(), new("application/xml"), false),
            ("a=b"u8.ToArray(), new("application/x-www-form-urlencoded"), false),
            ("--x--"u8.ToArray(), MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x"), false), ("{}"u8.ToArray(), null, false),
            (Encoding.UTF8.GetBytes($"{{\"email\":\"{new string('a', 64 * 1024)}\"}}"), json, false),
            (Encoding.UTF8.GetBytes($"{{\"email\":\"{new string('a', 64 * 1024)}\"}}"), json, true),
        };

        var requests = from endpoint in Endpoints()
                       from body in bodies
                       select Request(endpoint, caller, rawBody: body);

        await SweepAsync(requests);
    }

    [Fact]
    public async Task EveryMethodARouteDoesNotHave_NeverAnswers5xx()
    {
        var caller = await SignInAsync();
        string[] methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"];
        // The OpenAPI document's own route is not part of the contract it describes, so its 405 is undocumented.
        var routes = Endpoints()
            .Where(e => e.Route.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .GroupBy(e => e.Route.RoutePattern.RawText)
            .Select(g => (Endpoint: g.First(), Has: g.Select(e => e.Method).ToHashSet()));

        var requests = from route in routes
                       from method in methods
                       where !route.Has.Contains(method)
                       select Request(route.Endpoint with { Method = method, BodyType = null }, caller);

        await SweepAsync(requests);
    }

    private sealed record SweptEndpoint(RouteEndpoint Route, string Method, Type? BodyType, string[] QueryParameters);

    private sealed record Caller(string Access, string CsrfToken);

    /// <summary>Every route and method the app maps, with what it reads from the query and the body.</summary>
    private IEnumerable<SweptEndpoint> Endpoints()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new SweptEndpoint(
                e, m, e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType, QueryParametersOf(e))))
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(20, "the endpoints are read from the app");

        // Logging out everywhere would end the caller's session for the routes swept after it.
        return endpoints.OrderBy(e => e.Route.RoutePattern.RawText?.Contains("logout", StringComparison.Ordinal) ?? false);
    }

    /// <summary>Handler parameters bound from the query string: simple values that are neither a route value nor from a header, services or the body.</summary>
    private static string[] QueryParametersOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
            .Where(p => (p.ParameterInfo.ParameterType == typeof(string) || p.HasTryParse)
                && endpoint.RoutePattern.GetParameter(p.Name) is null
                && !p.ParameterInfo.GetCustomAttributes().Any(a => a is IFromHeaderMetadata or IFromServiceMetadata or IFromBodyMetadata))
            .Select(p => p.Name)
            .ToArray();

    private async Task<Caller> SignInAsync()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = staff.User.Email, password = ApiClientExtensions.DefaultPassword }),
        };
        request.Headers.Add("X-Token-Transport", "cookie");
        var browser = await (await _client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        return new Caller(staff.Access, browser.GetProperty("csrfToken").GetString()!);
    }

    private static Func<HttpRequestMessage> Request(
        SweptEndpoint endpoint,
        Caller caller,
        string? header = null,
        string? headerValue = null,
        IReadOnlyDictionary<string, string>? routeValues = null,
        string? query = null,
        string? body = null,
        (byte[] Bytes, MediaTypeHeaderValue? ContentType, bool Chunked)? rawBody = null) => () =>
    {
        var path = "/" + string.Join("/", endpoint.Route.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => routeValues?.GetValueOrDefault(parameter.Name) ?? Guid.NewGuid().ToString(),
            _ => string.Empty,
        }))));
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), query is null ? path : $"{path}?{query}");
        request.Headers.Authorization = new("Bearer", caller.Access);
        if (header is "X-CSRF-Token" or "Cookie")
        {
            // Browser mode, so that the CSRF token and the cookie are read at all; a real CSRF token lets the cookie through.
            request.Headers.Add("X-Token-Transport", "cookie");
        }

        if (header is "Cookie")
        {
            request.Headers.Add("X-CSRF-Token", caller.CsrfToken);
        }

        if (endpoint.BodyType is not null || body is not null)
        {
            request.Content = new StringContent(body ?? "{}", Encoding.UTF8, "application/json");
        }

        if (rawBody is { } raw)
        {
            // Chunked: no Content-Length, so only the app's own limit can stop a body too large.
            request.Content = raw.Chunked ? new StreamContent(new MemoryStream(raw.Bytes)) : new ByteArrayContent(raw.Bytes);
            request.Content.Headers.ContentType = raw.ContentType;
            request.Headers.TransferEncodingChunked = raw.Chunked;
        }

        if (header is "Content-Type")
        {
            request.Content ??= new StringContent("{}", Encoding.UTF8);
            request.Content.Headers.Remove("Content-Type");
            request.Content.Headers.TryAddWithoutValidation("Content-Type", headerValue);
        }
        else if (header is not null)
        {
            request.Headers.Remove(header);
            request.Headers.TryAddWithoutValidation(header, headerValue);
        }

        return request;
    };

    /// <summary>Every field of a body type, nested ones as a path (<c>price.amount</c>).</summary>
    private static IEnumerable<string[]> FieldPaths(Type type) =>
        type.GetProperties().SelectMany(p => IsLeaf(p.PropertyType)
            ? [[Camel(p.Name)]]
            : FieldPaths(p.PropertyType).Select(inner => new[] { Camel(p.Name) }.Concat(inner).ToArray()).Prepend([Camel(p.Name)]));

    /// <summary>A body whose fields all hold plausible values, except the one at <paramref name="path"/> (none when empty).</summary>
    private static string PlausibleBody(Type type, string[] path, string hostile)
    {
        var fields = type.GetProperties().Select(p =>
        {
            var name = Camel(p.Name);
            var value = path.Length == 0 || path[0] != name ? Plausible(name, p.PropertyType)
                : path.Length == 1 ? hostile
                : PlausibleBody(p.PropertyType, path[1..], hostile);
            return $"\"{name}\":{value}";
        });
        return "{" + string.Join(",", fields) + "}";
    }

    private static string Plausible(string name, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return PlausibleFields.TryGetValue(name, out var value) ? value()
            : underlying == typeof(string) ? "\"sweep\""
            : underlying == typeof(bool) ? "false"
            : underlying == typeof(int) || underlying == typeof(long) ? "1"
            : PlausibleBody(underlying, [], string.Empty);
    }

    private static bool IsLeaf(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying == typeof(string) || underlying == typeof(decimal);
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>Sends every request, a few at a time, and fails once with every bad answer listed.</summary>
    private async Task SweepAsync(IEnumerable<Func<HttpRequestMessage>> requests)
    {
        var failures = new ConcurrentBag<string>();
        var sent = 0;
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (create, ct) =>
        {
            using var request = create();
            var description = $"{request.Method} {request.RequestUri} [{string.Join("; ", request.Headers.Select(h => $"{h.Key}: {Shorten(string.Join(",", h.Value))}"))}]"
                + (request.Content is null or StreamContent ? string.Empty : $" {Shorten(await request.Content.ReadAsStringAsync(ct))}");
            HttpResponseMessage response;
            try
            {
                response = await _client.SendAsync(request, ct);
            }
            catch (OpenApiConformanceException mismatch)
            {
                failures.Add($"{description} -> {mismatch.Message[..Math.Min(mismatch.Message.Length, 300)]}");
                return;
            }

            using var _ = response;
            Interlocked.Increment(ref sent);
            if (await BadAnswerAsync(response, ct) is { } problem)
            {
                failures.Add($"{description} -> {(int)response.StatusCode}: {problem}");
            }
        });

        sent.ShouldBeGreaterThan(0);
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures.Take(40)));
    }

    private static async Task<string?> BadAnswerAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        if ((int)response.StatusCode >= 500)
        {
            return Shorten(body);
        }

        if ((int)response.StatusCode < 400 || response.RequestMessage?.Method == HttpMethod.Head)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"not a problem body ({response.Content.Headers.ContentType}): {Shorten(body)}";
        }

        var code = JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var value) ? value.GetString() : null;
        return ContractCodes.Contains(code) ? null : $"code {code ?? "missing"}: {Shorten(body)}";
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
