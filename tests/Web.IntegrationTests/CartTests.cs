using System.Net;
using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class CartTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Get_NewAccount_HasAnEmptyCart()
    {
        var user = await _client.RegisterAsync();

        var response = await _client.SendAsync(HttpMethod.Get, "/api/cart/", user.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await response.Content.ReadAsStringAsync()).ShouldBe("{\"items\":[],\"totals\":[]}");
    }

    [Fact]
    public async Task Put_AddsLinesWithUnitPriceLineTotalAndCartTotal()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, name: "Mug", amount: 1999);
        var tea = await _client.CreateProductAsync(staff.Access, name: "Tea", amount: 450);
        var user = await _client.RegisterAsync();

        await _client.PutInCartAsync(user.Access, mug.Id, 2);
        var cart = await _client.PutInCartAsync(user.Access, tea.Id, 3);

        cart.Items.ShouldBe(
        [
            new CartItemBody(mug.Id, "Mug", new MoneyBody(1999, "EUR"), 2, new MoneyBody(3998, "EUR")),
            new CartItemBody(tea.Id, "Tea", new MoneyBody(450, "EUR"), 3, new MoneyBody(1350, "EUR")),
        ]);
        cart.Totals.ShouldBe([new MoneyBody(5348, "EUR")]);
        (await _client.GetCartAsync(user.Access)).ShouldBeEquivalentTo(cart);
    }

    [Fact]
    public async Task Put_AgainReplacesTheQuantity_AndZeroRemovesTheLine()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access);
        var user = await _client.RegisterAsync();
        await _client.PutInCartAsync(user.Access, mug.Id, 2);

        var replaced = await _client.PutInCartAsync(user.Access, mug.Id, 5);
        var removed = await _client.PutInCartAsync(user.Access, mug.Id, 0);

        replaced.Items.ShouldHaveSingleItem().Quantity.ShouldBe(5);
        removed.Items.ShouldBeEmpty();
        removed.Totals.ShouldBeEmpty();
    }

    [Fact]
    public async Task Put_ShowsTheCurrentPrice_AfterStaffChangesIt()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, amount: 1000);
        var user = await _client.RegisterAsync();
        await _client.PutInCartAsync(user.Access, mug.Id, 2);

        await _client.SendAsync(HttpMethod.Put, $"/api/products/{mug.Id}", staff.Access,
            new { sku = mug.Sku, name = mug.Name, price = new { amount = 1200, currency = "EUR" }, stock = mug.Stock });

        (await _client.GetCartAsync(user.Access)).Totals.ShouldBe([new MoneyBody(2400, "EUR")]);
    }

    [Fact]
    public async Task Carts_BelongToTheirOwner()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access);
        var ann = await _client.RegisterAsync();
        var bob = await _client.RegisterAsync();

        await _client.PutInCartAsync(ann.Access, mug.Id, 1);

        (await _client.GetCartAsync(bob.Access)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Put_QuantityAboveStock_Returns400OnQuantity()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, stock: 3);
        var user = await _client.RegisterAsync();

        var response = await _client.SendAsync(HttpMethod.Put, $"/api/cart/items/{mug.Id}", user.Access, new { quantity = 4 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldBe(["quantity"]);
        problem.Errors["quantity"].ShouldBe(["Only 3 in stock."]);
        (await _client.GetCartAsync(user.Access)).Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(-1, "Quantity must be 0 or more.")]
    [InlineData(null, "Quantity is required.")]
    public async Task Put_NegativeOrMissingQuantity_Returns400OnQuantity(int? quantity, string message)
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access);
        var user = await _client.RegisterAsync();

        var response = await _client.SendAsync(HttpMethod.Put, $"/api/cart/items/{mug.Id}", user.Access, new { quantity });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["quantity"].ShouldBe([message]);
    }

    [Fact]
    public async Task Put_ANewProductIntoAFullCart_Returns400OnProductId_AndAnExistingLineCanStillChange()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var user = await _client.RegisterAsync();
        var userId = Guid.Parse(user.User.Id);
        var now = DateTimeOffset.UtcNow;
        const int mostProductsInACart = 100;
        var held = Enumerable.Range(0, mostProductsInACart)
            .Select(i => Domain.Products.Product.Create($"FULL-{Guid.NewGuid():N}"[..20], $"Filler {i}", "", new Domain.Common.Money(100, "EUR"), 5, now))
            .ToList();
        await factory.WithDbContextAsync(async db =>
        {
            db.Products.AddRange(held);
            db.CartItems.AddRange(held.Select(p => new Infrastructure.Persistence.CartItem { UserId = userId, ProductId = p.Id, Quantity = 1, AddedAt = now }));
            await db.SaveChangesAsync();
        });
        var oneMore = await _client.CreateProductAsync(staff.Access);

        var refused = await _client.SendAsync(HttpMethod.Put, $"/api/cart/items/{oneMore.Id}", user.Access, new { quantity = 1 });
        var changed = await _client.SendAsync(HttpMethod.Put, $"/api/cart/items/{held[0].Id}", user.Access, new { quantity = 2 });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ReadProblemAsync()).Errors!["productId"].ShouldBe(["A cart holds at most 100 different products."]);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.GetCartAsync(user.Access)).Items.Length.ShouldBe(mostProductsInACart);
    }

    [Fact]
    public async Task Put_QuantityAsAJsonString_Returns400OnQuantity()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access);
        var user = await _client.RegisterAsync();

        var response = await _client.SendAsync(HttpMethod.Put, $"/api/cart/items/{mug.Id}", user.Access, new { quantity = "2" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!["quantity"].ShouldBe(["Must be a whole number."]);
        (await _client.GetCartAsync(user.Access)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Put_FractionalQuantity_Returns400OnQuantity()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access);
        var user = await _client.RegisterAsync();

        var response = await _client.SendAsync(HttpMethod.Put, $"/api/cart/items/{mug.Id}", user.Access, new { quantity = 1.5 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["quantity"].ShouldBe(["Must be a whole number."]);
    }

    [Theory]
    [InlineData("6f1c2a52-0000-0000-0000-000000000000")]
    [InlineData("not-a-guid")]
    public async Task Put_UnknownProduct_Returns400OnProductId(string productId)
    {
        var user = await _client.RegisterAsync();

        var response = await _client.SendAsync(HttpMethod.Put, $"/api/cart/items/{productId}", user.Access, new { quantity = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!["productId"].ShouldBe(["No such product."]);
    }

    [Fact]
    public async Task Put_DeletedProduct_Returns400OnProductId()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access);
        await _client.SendAsync(HttpMethod.Delete, $"/api/products/{mug.Id}", staff.Access);
        var user = await _client.RegisterAsync();

        var response = await _client.SendAsync(HttpMethod.Put, $"/api/cart/items/{mug.Id}", user.Access, new { quantity = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["productId"].ShouldBe(["No such product."]);
    }

    [Fact]
    public async Task DeletingAProduct_TakesItOutOfEveryCart()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access);
        var tea = await _client.CreateProductAsync(staff.Access);
        var user = await _client.RegisterAsync();
        await _client.PutInCartAsync(user.Access, mug.Id, 1);
        await _client.PutInCartAsync(user.Access, tea.Id, 1);

        await _client.SendAsync(HttpMethod.Delete, $"/api/products/{mug.Id}", staff.Access);

        (await _client.GetCartAsync(user.Access)).Items.Select(i => i.ProductId).ShouldBe([tea.Id]);
        var rows = await factory.WithDbContextAsync(db => Task.FromResult(db.CartItems.Count(i => i.ProductId == Guid.Parse(mug.Id))));
        rows.ShouldBe(0);
    }

    [Fact]
    public async Task Put_ProductInAnotherCurrency_Returns400OnProductId()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access, currency: "EUR");
        var tea = await _client.CreateProductAsync(staff.Access, currency: "USD");
        var user = await _client.RegisterAsync();
        await _client.PutInCartAsync(user.Access, mug.Id, 1);

        var response = await _client.SendAsync(HttpMethod.Put, $"/api/cart/items/{tea.Id}", user.Access, new { quantity = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["productId"]
            .ShouldBe(["The cart holds products priced in EUR; a cart takes one currency at a time."]);
    }

    [Fact]
    public async Task Delete_EmptiesTheCart()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var mug = await _client.CreateProductAsync(staff.Access);
        var user = await _client.RegisterAsync();
        await _client.PutInCartAsync(user.Access, mug.Id, 2);

        var response = await _client.SendAsync(HttpMethod.Delete, "/api/cart", user.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.GetCartAsync(user.Access)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task CartRoutes_WithoutToken_Return401()
    {
        var id = Guid.NewGuid();

        var responses = new[]
        {
            await _client.SendAsync(HttpMethod.Get, "/api/cart", null),
            await _client.SendAsync(HttpMethod.Put, $"/api/cart/items/{id}", null, new { quantity = 1 }),
            await _client.SendAsync(HttpMethod.Delete, "/api/cart", null),
        };

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await response.ReadProblemAsync()).Code.ShouldBe("not_authenticated");
        }
    }

    [Fact]
    public async Task ValidationError_CarriesNoStoreToo()
    {
        var user = await _client.RegisterAsync();

        var response = await _client.SendAsync(HttpMethod.Put, $"/api/cart/items/{Guid.NewGuid()}", user.Access, new { quantity = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Put_WithNonJsonBody_Returns415()
    {
        var user = await _client.RegisterAsync();
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/cart/items/{Guid.NewGuid()}")
        {
            Content = new StringContent("quantity=1", System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new("Bearer", user.Access);

        var response = await _client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await response.ReadProblemAsync()).Code.ShouldBe("unsupported_media_type");
    }
}
