using System.Net;
using System.Net.Http.Json;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>The shop routes, for tests that need a product, a cart or an order as a step rather than as the subject.</summary>
public static class ShopClientExtensions
{
    public static string UniqueSku(string prefix = "SKU") => $"{prefix}-{Guid.NewGuid():N}"[..30].ToUpperInvariant();

    public static Task<HttpResponseMessage> SendAsync(
        this HttpClient client, HttpMethod method, string path, string? bearer, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return client.SendAsync(request);
    }

    /// <summary>A new account that is staff, made so directly in the database as create-admin would.</summary>
    public static async Task<AuthBody> RegisterStaffAsync(this HttpClient client, ShopEaseApiFactory factory)
    {
        var staff = await client.RegisterAsync(ApiClientExtensions.UniqueEmail("staff"));
        await factory.MakeStaffAsync(staff.User.Email);
        return staff;
    }

    public static async Task<ProductBody> CreateProductAsync(
        this HttpClient client,
        string staffAccess,
        string? sku = null,
        string name = "Mug",
        long amount = 1999,
        string currency = "EUR",
        int stock = 10,
        string description = "")
    {
        var response = await client.SendAsync(HttpMethod.Post, "/api/products", staffAccess,
            new { sku = sku ?? UniqueSku(), name, description, price = new { amount, currency }, stock });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ProductBody>())!;
    }

    public static async Task<CartBody> PutInCartAsync(this HttpClient client, string access, string productId, int quantity)
    {
        var response = await client.SendAsync(HttpMethod.Put, $"/api/cart/items/{productId}", access, new { quantity });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CartBody>())!;
    }

    public static async Task<CartBody> GetCartAsync(this HttpClient client, string access)
    {
        var response = await client.SendAsync(HttpMethod.Get, "/api/cart", access);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CartBody>())!;
    }

    public static Task<HttpResponseMessage> CheckoutAsync(this HttpClient client, string access, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders");
        request.Headers.Authorization = new("Bearer", access);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static Task<int> StockOfAsync(this ShopEaseApiFactory factory, string productId) =>
        factory.WithDbContextAsync(db => Task.FromResult(db.Products.Where(p => p.Id == Guid.Parse(productId)).Select(p => p.Stock).Single()));
}
