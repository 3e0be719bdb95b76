using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>The passkey ceremonies over HTTP, as a page would run them with <see cref="SoftwareAuthenticator"/> as its authenticator.</summary>
public static class PasskeyClientExtensions
{
    public const string Passkeys = "/api/auth/passkeys";

    public static async Task<JsonElement> PasskeyCreationOptionsAsync(this HttpClient client, string access)
    {
        var response = await client.SendAsync(Authorized(HttpMethod.Post, $"{Passkeys}/register/options", access));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> SendPasskeyRegistrationAsync(
        this HttpClient client, string access, JsonObject credential, string? name = "Laptop")
    {
        var request = Authorized(HttpMethod.Post, $"{Passkeys}/register", access);
        request.Content = JsonContent.Create(new JsonObject { ["credential"] = credential.DeepClone(), ["name"] = name });
        return client.SendAsync(request);
    }

    /// <summary>Options, the authenticator's answer, and the registration: the passkey as the API lists it.</summary>
    public static async Task<JsonElement> RegisterPasskeyAsync(
        this HttpClient client, string access, SoftwareAuthenticator authenticator, string name = "Laptop")
    {
        var options = await client.PasskeyCreationOptionsAsync(access);
        var response = await client.SendPasskeyRegistrationAsync(access, authenticator.Create(options), name);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A new account with one ES256 passkey: its authenticator, ready to sign in.</summary>
    public static async Task<SoftwareAuthenticator> RegisteredAuthenticatorAsync(this HttpClient client)
    {
        var account = await client.RegisterAsync();
        var authenticator = SoftwareAuthenticator.Es256();
        await client.RegisterPasskeyAsync(account.Access, authenticator);
        return authenticator;
    }

    public static async Task<(string FlowId, JsonElement Options)> PasskeyLoginOptionsAsync(this HttpClient client)
    {
        var response = await client.PostJsonAsync($"{Passkeys}/login/options", new { });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("flowId").GetString()!, body.GetProperty("options"));
    }

    public static Task<HttpResponseMessage> SendPasskeyLoginAsync(
        this HttpClient client, string flowId, JsonObject credential, bool browserMode = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Passkeys}/login")
        {
            Content = JsonContent.Create(new JsonObject { ["flowId"] = flowId, ["credential"] = credential.DeepClone() }),
        };
        if (browserMode)
        {
            request.Headers.Add("X-Token-Transport", "cookie");
        }

        return client.SendAsync(request);
    }

    /// <summary>A whole sign-in: options, the authenticator's assertion over them, and the answer.</summary>
    public static async Task<HttpResponseMessage> SignInWithPasskeyAsync(this HttpClient client, SoftwareAuthenticator authenticator)
    {
        var (flowId, options) = await client.PasskeyLoginOptionsAsync();
        return await client.SendPasskeyLoginAsync(flowId, authenticator.Get(options));
    }

    public static async Task<JsonElement[]> ListPasskeysAsync(this HttpClient client, string access)
    {
        var response = await client.SendAsync(Authorized(HttpMethod.Get, Passkeys, access));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    public static Task<HttpResponseMessage> DeletePasskeyAsync(this HttpClient client, string access, string id) =>
        client.SendAsync(Authorized(HttpMethod.Delete, $"{Passkeys}/{id}", access));

    public static HttpRequestMessage Authorized(HttpMethod method, string path, string access)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return request;
    }
}
