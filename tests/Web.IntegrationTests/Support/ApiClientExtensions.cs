using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace ShopEase.Web.IntegrationTests.Support;

public static class ApiClientExtensions
{
    public const string DefaultPassword = "correct horse battery";

    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@shop.io";

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return client.PostAsync(path, content);
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string body, string? contentType = "application/json") =>
        client.PostRawAsync(path, Encoding.UTF8.GetBytes(body), contentType);

    public static Task<HttpResponseMessage> GetMeAsync(this HttpClient client, string? bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client.SendAsync(request);
    }

    public static async Task<AuthBody> RegisterAsync(this HttpClient client, string? email = null, string password = DefaultPassword)
    {
        var response = await client.PostJsonAsync("/api/auth/register", new { email = email ?? UniqueEmail(), password });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AuthBody>())!;
    }

    public static async Task<AuthBody> LoginAsync(this HttpClient client, string email, string password = DefaultPassword)
    {
        var response = await client.PostJsonAsync("/api/auth/login", new { email, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AuthBody>())!;
    }

    public static Task<HttpResponseMessage> RefreshAsync(this HttpClient client, string refresh) =>
        client.PostJsonAsync("/api/auth/token/refresh", new { refresh });

    /// <summary>Reads the token pair of a successful refresh, failing with the body when it was not one.</summary>
    public static async Task<TokenPairBody> ReadTokenPairAsync(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TokenPairBody>())!;
    }

    /// <summary>Reads a problem body, checking the media type and that nothing internal leaked.</summary>
    public static async Task<ProblemBody> ReadProblemAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain("Exception", Case.Insensitive);
        text.ShouldNotMatch(@"\bat \w+(\.\w+)+\(", "a stack frame leaked");
        text.ShouldNotContain(".cs:line");
        text.ShouldNotContain("Npgsql", Case.Insensitive);
        text.ShouldNotContain("SELECT", Case.Sensitive);
        var problem = System.Text.Json.JsonSerializer.Deserialize<ProblemBody>(text, System.Text.Json.JsonSerializerOptions.Web)!;
        problem.Status.ShouldBe((int)response.StatusCode);
        problem.Type.ShouldNotBeNullOrWhiteSpace();
        problem.Title.ShouldNotBeNullOrWhiteSpace();
        return problem;
    }
}
