using System.Net;
using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>Checkouts racing for the same stock, and retries racing with themselves.</summary>
public sealed class OrderConcurrencyTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task FiveBuyersOfTheLastUnit_ExactlyOneGetsIt_TheOthers409_StockEndsAtZero()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, name: "Last mug", stock: 1);
        var buyers = new List<AuthBody>();
        for (var i = 0; i < 5; i++)
        {
            var buyer = await _client.RegisterAsync();
            await _client.PutInCartAsync(buyer.Access, mug.Id, 1);
            buyers.Add(buyer);
        }

        var responses = await Task.WhenAll(buyers.Select(b => factory.CreateApiClient().CheckoutAsync(b.Access)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await response.ReadProblemAsync()).Code.ShouldBe("out_of_stock");
        }

        (await factory.StockOfAsync(mug.Id)).ShouldBe(0);
        var productId = Guid.Parse(mug.Id);
        var orderLines = await factory.WithDbContextAsync(db =>
            Task.FromResult(db.Orders.SelectMany(o => o.Lines).Count(l => l.ProductId == productId)));
        orderLines.ShouldBe(1);
    }

    [Fact]
    public async Task FiveConcurrentRetriesWithOneKey_MakeOneOrder_AndAllAnswerItsId()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, stock: 10);
        var user = await _client.RegisterAsync();
        await _client.PutInCartAsync(user.Access, mug.Id, 2);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => factory.CreateApiClient().CheckoutAsync(user.Access, key)));

        var statuses = string.Join(", ", responses.Select(r => (int)r.StatusCode));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, statuses);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(4, statuses);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<OrderBody>())!.Id));
        ids.Distinct().ShouldHaveSingleItem();
        var userId = Guid.Parse(user.User.Id);
        (await factory.WithDbContextAsync(db => Task.FromResult(db.Orders.Count(o => o.UserId == userId)))).ShouldBe(1);
        (await factory.StockOfAsync(mug.Id)).ShouldBe(8);
    }

    [Fact]
    public async Task ConcurrentRetriesWithOneKeyForTheLastUnit_AllGetTheOrder_NoneIsToldItIsOutOfStock()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, stock: 1);
        var user = await _client.RegisterAsync();
        await _client.PutInCartAsync(user.Access, mug.Id, 1);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => factory.CreateApiClient().CheckoutAsync(user.Access, key)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.OK);
        (await factory.StockOfAsync(mug.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task BuyersTakingTwoProductsInOppositeOrder_AllSucceed_WithoutDeadlock()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, stock: 100);
        var tea = await _client.CreateProductAsync(staff.Access, stock: 100);
        var buyers = new List<AuthBody>();
        for (var i = 0; i < 8; i++)
        {
            var buyer = await _client.RegisterAsync();
            var (first, second) = i % 2 == 0 ? (mug, tea) : (tea, mug);
            await _client.PutInCartAsync(buyer.Access, first.Id, 1);
            await _client.PutInCartAsync(buyer.Access, second.Id, 1);
            buyers.Add(buyer);
        }

        var responses = await Task.WhenAll(buyers.Select(b => factory.CreateApiClient().CheckoutAsync(b.Access)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        (await factory.StockOfAsync(mug.Id)).ShouldBe(92);
        (await factory.StockOfAsync(tea.Id)).ShouldBe(92);
    }
}
