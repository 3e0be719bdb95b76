using System.Net;
using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class OrdersTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Checkout_Returns201WithLocation_CopiesPrices_TakesStock_AndEmptiesTheCart()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, name: "Mug", amount: 1999, stock: 5);
        var tea = await _client.CreateProductAsync(staff.Access, name: "Tea", amount: 450, stock: 5);
        var user = await _client.RegisterAsync();
        await _client.PutInCartAsync(user.Access, mug.Id, 2);
        await _client.PutInCartAsync(user.Access, tea.Id, 1);

        var response = await _client.CheckoutAsync(user.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var order = (await response.Content.ReadFromJsonAsync<OrderBody>())!;
        response.Headers.Location!.OriginalString.ShouldBe($"/api/orders/{order.Id}");
        order.Items.ShouldBe(
        [
            new OrderLineBody(mug.Id, mug.Sku, "Mug", new MoneyBody(1999, "EUR"), 2, new MoneyBody(3998, "EUR")),
            new OrderLineBody(tea.Id, tea.Sku, "Tea", new MoneyBody(450, "EUR"), 1, new MoneyBody(450, "EUR")),
        ]);
        order.Total.ShouldBe(new MoneyBody(4448, "EUR"));
        (await factory.StockOfAsync(mug.Id)).ShouldBe(3);
        (await factory.StockOfAsync(tea.Id)).ShouldBe(4);
        (await _client.GetCartAsync(user.Access)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Order_KeepsItsPricesAndNames_WhenTheProductChangesOrIsDeleted()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, name: "Mug", amount: 1000);
        var user = await _client.RegisterAsync();
        await _client.PutInCartAsync(user.Access, mug.Id, 1);
        var order = (await (await _client.CheckoutAsync(user.Access)).Content.ReadFromJsonAsync<OrderBody>())!;

        await _client.SendAsync(HttpMethod.Put, $"/api/products/{mug.Id}", staff.Access,
            new { sku = mug.Sku, name = "Renamed", price = new { amount = 5000, currency = "EUR" }, stock = 1 });
        await _client.SendAsync(HttpMethod.Delete, $"/api/products/{mug.Id}", staff.Access);

        var again = (await (await _client.SendAsync(HttpMethod.Get, $"/api/orders/{order.Id}", user.Access))
            .Content.ReadFromJsonAsync<OrderBody>())!;
        again.Items.ShouldBe(order.Items);
        again.Total.ShouldBe(new MoneyBody(1000, "EUR"));
    }

    [Fact]
    public async Task Checkout_EmptyCart_Returns400OnCart()
    {
        var user = await _client.RegisterAsync();

        var response = await _client.CheckoutAsync(user.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!["cart"].ShouldBe(["The cart is empty."]);
    }

    [Fact]
    public async Task Checkout_MoreThanIsLeftNow_Returns409OutOfStock_AndChangesNothing()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, name: "Mug", stock: 3);
        var tea = await _client.CreateProductAsync(staff.Access, name: "Tea", stock: 3);
        var user = await _client.RegisterAsync();
        await _client.PutInCartAsync(user.Access, tea.Id, 1);
        await _client.PutInCartAsync(user.Access, mug.Id, 3);
        await _client.SendAsync(HttpMethod.Put, $"/api/products/{mug.Id}", staff.Access,
            new { sku = mug.Sku, name = "Mug", price = new { amount = mug.Price.Amount, currency = "EUR" }, stock = 2 });

        var response = await _client.CheckoutAsync(user.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("out_of_stock");
        problem.Title.ShouldBe("Not enough stock of Mug.");
        (await factory.StockOfAsync(mug.Id)).ShouldBe(2);
        (await factory.StockOfAsync(tea.Id)).ShouldBe(3);
        (await _client.GetCartAsync(user.Access)).Items.Length.ShouldBe(2);
        var orders = (await (await _client.SendAsync(HttpMethod.Get, "/api/orders", user.Access))
            .Content.ReadFromJsonAsync<PageBody<OrderBody>>())!;
        orders.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Checkout_SameIdempotencyKeyTwice_ReturnsTheFirstOrder_AndMakesOnlyOne()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, stock: 5);
        var user = await _client.RegisterAsync();
        await _client.PutInCartAsync(user.Access, mug.Id, 2);
        var key = Guid.NewGuid().ToString();

        var first = await _client.CheckoutAsync(user.Access, key);
        var retry = await _client.CheckoutAsync(user.Access, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await factory.StockOfAsync(mug.Id)).ShouldBe(3);
        var userId = Guid.Parse(user.User.Id);
        (await factory.WithDbContextAsync(db => Task.FromResult(db.Orders.Count(o => o.UserId == userId)))).ShouldBe(1);
    }

    [Fact]
    public async Task Checkout_SameKeyWithAnotherCart_Is422IdempotencyKeyReused_AndOrdersNothing()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, stock: 5);
        var tea = await _client.CreateProductAsync(staff.Access, name: "Tea", stock: 5);
        var user = await _client.RegisterAsync();
        var key = Guid.NewGuid().ToString();
        await _client.PutInCartAsync(user.Access, mug.Id, 1);
        (await _client.CheckoutAsync(user.Access, key)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await _client.PutInCartAsync(user.Access, tea.Id, 2);

        var reused = await _client.CheckoutAsync(user.Access, key);

        reused.StatusCode.ShouldBe((HttpStatusCode)422);
        (await reused.ReadProblemAsync()).Code.ShouldBe("idempotency_key_reused");
        (await factory.StockOfAsync(tea.Id)).ShouldBe(5);
        (await _client.GetCartAsync(user.Access)).Items.ShouldHaveSingleItem().ProductId.ShouldBe(tea.Id);
    }

    [Fact]
    public async Task Checkout_SameKeyWithTheSameCartRefilled_ReturnsTheFirstOrder()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, stock: 5);
        var user = await _client.RegisterAsync();
        var key = Guid.NewGuid().ToString();
        await _client.PutInCartAsync(user.Access, mug.Id, 1);
        var first = await _client.CheckoutAsync(user.Access, key);
        await _client.PutInCartAsync(user.Access, mug.Id, 1);

        var again = await _client.CheckoutAsync(user.Access, key);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await factory.StockOfAsync(mug.Id)).ShouldBe(4);
    }

    [Fact]
    public async Task Checkout_NewKeyAfterAnOrder_IsANewCheckout()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, stock: 5);
        var user = await _client.RegisterAsync();
        await _client.PutInCartAsync(user.Access, mug.Id, 1);
        await _client.CheckoutAsync(user.Access, Guid.NewGuid().ToString());

        var response = await _client.CheckoutAsync(user.Access, Guid.NewGuid().ToString());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["cart"].ShouldBe(["The cart is empty."]);
    }

    [Fact]
    public async Task Checkout_AnotherUsersKey_IsTheirsAlone()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, stock: 5);
        var ann = await _client.RegisterAsync();
        var bob = await _client.RegisterAsync();
        await _client.PutInCartAsync(ann.Access, mug.Id, 1);
        await _client.PutInCartAsync(bob.Access, mug.Id, 1);
        var key = Guid.NewGuid().ToString();

        var annsOrder = await _client.CheckoutAsync(ann.Access, key);
        var bobsOrder = await _client.CheckoutAsync(bob.Access, key);

        annsOrder.StatusCode.ShouldBe(HttpStatusCode.Created);
        bobsOrder.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await bobsOrder.Content.ReadFromJsonAsync<OrderBody>())!.Id
            .ShouldNotBe((await annsOrder.Content.ReadFromJsonAsync<OrderBody>())!.Id);
    }

    [Fact]
    public async Task Checkout_IdempotencyKeyWithASpace_Returns400OnIt()
    {
        var user = await _client.RegisterAsync();

        var response = await _client.CheckoutAsync(user.Access, "two words");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["idempotencyKey"]);
    }

    [Fact]
    public async Task Checkout_IdempotencyKeyOf256Characters_Returns400OnIt()
    {
        var user = await _client.RegisterAsync();

        var response = await _client.CheckoutAsync(user.Access, new string('k', 256));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["idempotencyKey"]);
    }

    [Fact]
    public async Task List_ShowsOnlyTheCallersOrders_NewestFirst_Paged()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, stock: 10);
        var ann = await _client.RegisterAsync();
        var bob = await _client.RegisterAsync();
        var placed = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            await _client.PutInCartAsync(ann.Access, mug.Id, i);
            placed.Add((await (await _client.CheckoutAsync(ann.Access)).Content.ReadFromJsonAsync<OrderBody>())!.Id);
        }

        await _client.PutInCartAsync(bob.Access, mug.Id, 1);
        await _client.CheckoutAsync(bob.Access);

        var first = (await (await _client.SendAsync(HttpMethod.Get, "/api/orders?page=1&pageSize=2", ann.Access))
            .Content.ReadFromJsonAsync<PageBody<OrderBody>>())!;
        var second = (await (await _client.SendAsync(HttpMethod.Get, "/api/orders/?page=2&pageSize=2", ann.Access))
            .Content.ReadFromJsonAsync<PageBody<OrderBody>>())!;

        first.Total.ShouldBe(3);
        first.Items.Select(o => o.Id).ShouldBe([placed[2], placed[1]]);
        second.Items.Select(o => o.Id).ShouldBe([placed[0]]);
        first.Items[0].Items.ShouldHaveSingleItem().Quantity.ShouldBe(3);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("page=x", "page")]
    public async Task List_BadPaging_Returns400NamingIt(string query, string field)
    {
        var user = await _client.RegisterAsync();

        var response = await _client.SendAsync(HttpMethod.Get, $"/api/orders?{query}", user.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task Get_AnotherUsersOrder_Returns404LikeAnUnknownOne()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access);
        var ann = await _client.RegisterAsync();
        var bob = await _client.RegisterAsync();
        await _client.PutInCartAsync(ann.Access, mug.Id, 1);
        var order = (await (await _client.CheckoutAsync(ann.Access)).Content.ReadFromJsonAsync<OrderBody>())!;

        var asBob = await _client.SendAsync(HttpMethod.Get, $"/api/orders/{order.Id}", bob.Access);
        var unknown = await _client.SendAsync(HttpMethod.Get, $"/api/orders/{Guid.NewGuid()}", ann.Access);
        var malformed = await _client.SendAsync(HttpMethod.Get, "/api/orders/not-a-guid", ann.Access);
        var asAnn = await _client.SendAsync(HttpMethod.Get, $"/api/orders/{order.Id}/", ann.Access);

        foreach (var response in new[] { asBob, unknown, malformed })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var problem = await response.ReadProblemAsync();
            problem.Code.ShouldBe("not_found");
            problem.Title.ShouldBe("No such order.");
        }

        asAnn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asAnn.Content.ReadFromJsonAsync<OrderBody>()).ShouldBeEquivalentTo(order);
    }

    [Fact]
    public async Task OrderRoutes_WithoutToken_Return401()
    {
        var responses = new[]
        {
            await _client.SendAsync(HttpMethod.Post, "/api/orders", null),
            await _client.SendAsync(HttpMethod.Get, "/api/orders", null),
            await _client.SendAsync(HttpMethod.Get, $"/api/orders/{Guid.NewGuid()}", null),
        };

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await response.ReadProblemAsync()).Code.ShouldBe("not_authenticated");
        }
    }
}
