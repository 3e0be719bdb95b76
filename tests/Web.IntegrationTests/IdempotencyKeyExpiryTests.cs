using System.Net;
using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>An Idempotency-Key is kept for 24 hours; the fake clock moves past that without waiting.</summary>
public sealed class IdempotencyKeyExpiryTests(FakeClockApiFactory factory) : IClassFixture<FakeClockApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Checkout_WithAKeyUsedMoreThan24HoursAgo_IsANewOrder()
    {
        var (mug, user, key, first) = await OrderOneMugWithAKeyAsync();
        factory.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var again = await _client.LoginAsync(user.User.Email);
        await _client.PutInCartAsync(again.Access, mug.Id, 1);

        var later = await _client.CheckoutAsync(again.Access, key);

        later.StatusCode.ShouldBe(HttpStatusCode.Created, await later.Content.ReadAsStringAsync());
        (await later.Content.ReadFromJsonAsync<OrderBody>())!.Id.ShouldNotBe(first.Id);
        (await factory.StockOfAsync(mug.Id)).ShouldBe(3);
    }

    [Fact]
    public async Task Checkout_WithAKeyUsedJustUnder24HoursAgo_StillReturnsThatOrder()
    {
        var (_, user, key, first) = await OrderOneMugWithAKeyAsync();
        factory.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        var again = await _client.LoginAsync(user.User.Email);

        var retry = await _client.CheckoutAsync(again.Access, key);

        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retry.Content.ReadFromJsonAsync<OrderBody>())!.Id.ShouldBe(first.Id);
    }

    // A mug with 5 in stock, and a user who checked one out under a fresh key.
    private async Task<(ProductBody Mug, AuthBody User, string Key, OrderBody First)> OrderOneMugWithAKeyAsync()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, stock: 5);
        var user = await _client.RegisterAsync();
        var key = Guid.NewGuid().ToString();
        await _client.PutInCartAsync(user.Access, mug.Id, 1);
        var first = await (await _client.CheckoutAsync(user.Access, key)).Content.ReadFromJsonAsync<OrderBody>();
        return (mug, user, key, first!);
    }
}
