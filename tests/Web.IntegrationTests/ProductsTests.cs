using System.Net;
using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class ProductsTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Create_AsStaff_Returns201WithLocationAndTheProductNormalised()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var sku = ShopClientExtensions.UniqueSku("mug").ToLowerInvariant();

        var response = await _client.SendAsync(HttpMethod.Post, "/api/products/", staff.Access, new
        {
            sku = $"  {sku} ",
            name = " Mug ",
            description = "Holds tea.",
            price = new { amount = 1999, currency = "EUR" },
            stock = 7,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var product = (await response.Content.ReadFromJsonAsync<ProductBody>())!;
        response.Headers.Location!.OriginalString.ShouldBe($"/api/products/{product.Id}");
        product.Sku.ShouldBe(sku.ToUpperInvariant());
        product.Name.ShouldBe("Mug");
        product.Description.ShouldBe("Holds tea.");
        product.Price.ShouldBe(new MoneyBody(1999, "EUR"));
        product.Stock.ShouldBe(7);
        product.CreatedAt.ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        product.UpdatedAt.ShouldBe(product.CreatedAt);
    }

    [Fact]
    public async Task Create_ResponseBody_UsesCamelCaseAndAWholeNumberAmount()
    {
        var staff = await _client.RegisterStaffAsync(factory);

        var response = await _client.SendAsync(HttpMethod.Post, "/api/products", staff.Access,
            new { sku = ShopClientExtensions.UniqueSku(), name = "Mug", price = new { amount = 5, currency = "JPY" }, stock = 1 });

        var json = await response.Content.ReadAsStringAsync();
        json.ShouldContain("\"price\":{\"amount\":5,\"currency\":\"JPY\"}");
        json.ShouldContain("\"createdAt\":");
    }

    [Fact]
    public async Task Get_ReturnsTheProductToAnyone()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var created = await _client.CreateProductAsync(staff.Access, name: "Teapot");

        var response = await _client.GetAsync($"/api/products/{created.Id}/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<ProductBody>()).ShouldBe(created);
    }

    [Theory]
    [InlineData("6f1c2a52-0000-0000-0000-000000000000")]
    [InlineData("not-a-guid")]
    public async Task Get_UnknownProduct_Returns404(string id)
    {
        var response = await _client.GetAsync($"/api/products/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task Create_DuplicateSkuInAnotherCase_Returns400OnSku()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var sku = ShopClientExtensions.UniqueSku();
        await _client.CreateProductAsync(staff.Access, sku);

        var response = await _client.SendAsync(HttpMethod.Post, "/api/products", staff.Access,
            new { sku = $" {sku.ToLowerInvariant()} ", name = "Other", price = new { amount = 1, currency = "EUR" }, stock = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldBe(["sku"]);
        problem.Errors["sku"].ShouldBe(["SKU already exists"]);
    }

    [Fact]
    public async Task Create_TenConcurrentWithOneSku_CreateOneProduct_OthersGet400OnSku()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var sku = ShopClientExtensions.UniqueSku("race");
        var clients = Enumerable.Range(0, 10).Select(_ => factory.CreateApiClient()).ToArray();

        var responses = await Task.WhenAll(clients.Select(c => c.SendAsync(HttpMethod.Post, "/api/products", staff.Access,
            new { sku, name = "Mug", price = new { amount = 1, currency = "EUR" }, stock = 1 })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.ReadProblemAsync()).Errors!["sku"].ShouldBe(["SKU already exists"]);
        }
    }

    [Fact]
    public async Task Create_EmptyObject_Returns400NamingEveryRequiredField()
    {
        var staff = await _client.RegisterStaffAsync(factory);

        var response = await _client.SendAsync(HttpMethod.Post, "/api/products", staff.Access, new { });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldBe(["sku", "name", "price.amount", "price.currency", "stock"], ignoreOrder: true);
    }

    [Fact]
    public async Task Create_BadValues_Returns400NamingEachField()
    {
        var staff = await _client.RegisterStaffAsync(factory);

        var response = await _client.SendAsync(HttpMethod.Post, "/api/products", staff.Access,
            new { sku = "a b", name = "Mug", price = new { amount = -1, currency = "eur" }, stock = -1 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Errors!.Keys.ShouldBe(["sku", "price.amount", "price.currency", "stock"], ignoreOrder: true);
    }

    [Fact]
    public async Task Create_StockAsAJsonString_Returns400OnStock()
    {
        var staff = await _client.RegisterStaffAsync(factory);

        var response = await _client.SendAsync(HttpMethod.Post, "/api/products", staff.Access,
            new { sku = ShopClientExtensions.UniqueSku(), name = "Mug", price = new { amount = 250, currency = "EUR" }, stock = "5" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldBe(["stock"]);
    }

    [Fact]
    public async Task Create_AmountAsAJsonString_Returns400OnPrice()
    {
        var staff = await _client.RegisterStaffAsync(factory);

        var response = await _client.SendAsync(HttpMethod.Post, "/api/products", staff.Access,
            new { sku = ShopClientExtensions.UniqueSku(), name = "Mug", price = new { amount = "250", currency = "EUR" }, stock = 5 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldBe(["price"]);
    }

    [Fact]
    public async Task Create_FractionalAmount_Returns400OnPrice()
    {
        var staff = await _client.RegisterStaffAsync(factory);

        var response = await _client.SendAsync(HttpMethod.Post, "/api/products", staff.Access,
            new { sku = ShopClientExtensions.UniqueSku(), name = "Mug", price = new { amount = 19.99, currency = "EUR" }, stock = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldBe(["price"]);
    }

    [Fact]
    public async Task Update_AsStaff_ReplacesTheFields()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var created = await _client.CreateProductAsync(staff.Access);
        var sku = ShopClientExtensions.UniqueSku("big");

        var response = await _client.SendAsync(HttpMethod.Put, $"/api/products/{created.Id}", staff.Access,
            new { sku, name = "Big mug", description = "More tea.", price = new { amount = 2499, currency = "USD" }, stock = 0 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var updated = (await response.Content.ReadFromJsonAsync<ProductBody>())!;
        updated.ShouldBe(created with
        {
            Sku = sku, Name = "Big mug", Description = "More tea.", Price = new MoneyBody(2499, "USD"), Stock = 0,
            UpdatedAt = updated.UpdatedAt,
        });
        (await _client.GetFromJsonAsync<ProductBody>($"/api/products/{created.Id}")).ShouldBe(updated);
    }

    [Fact]
    public async Task Update_KeepingItsOwnSku_IsAllowed()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var created = await _client.CreateProductAsync(staff.Access);

        var response = await _client.SendAsync(HttpMethod.Put, $"/api/products/{created.Id}", staff.Access,
            new { sku = created.Sku.ToLowerInvariant(), name = "Renamed", price = new { amount = 1, currency = "EUR" }, stock = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Update_ToAnotherProductsSku_Returns400OnSku()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var first = await _client.CreateProductAsync(staff.Access);
        var second = await _client.CreateProductAsync(staff.Access);

        var response = await _client.SendAsync(HttpMethod.Put, $"/api/products/{second.Id}", staff.Access,
            new { sku = first.Sku, name = "Mug", price = new { amount = 1, currency = "EUR" }, stock = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["sku"].ShouldBe(["SKU already exists"]);
    }

    [Fact]
    public async Task Update_UnknownProduct_Returns404()
    {
        var staff = await _client.RegisterStaffAsync(factory);

        var response = await _client.SendAsync(HttpMethod.Put, $"/api/products/{Guid.NewGuid()}", staff.Access,
            new { sku = ShopClientExtensions.UniqueSku(), name = "Mug", price = new { amount = 1, currency = "EUR" }, stock = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task Delete_IsSoft_TheProductIsGoneFromReadsAndWritesButItsRowStays()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var created = await _client.CreateProductAsync(staff.Access);

        var response = await _client.SendAsync(HttpMethod.Delete, $"/api/products/{created.Id}", staff.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.GetAsync($"/api/products/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.SendAsync(HttpMethod.Delete, $"/api/products/{created.Id}", staff.Access)).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
        (await _client.SendAsync(HttpMethod.Put, $"/api/products/{created.Id}", staff.Access,
            new { sku = created.Sku, name = "Mug", price = new { amount = 1, currency = "EUR" }, stock = 1 })).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
        var deletedAt = await factory.WithDbContextAsync(db =>
            Task.FromResult(db.Products.Where(p => p.Id == Guid.Parse(created.Id)).Select(p => p.DeletedAt).Single()));
        deletedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Delete_FreesTheSkuForANewProduct_AndHidesItFromTheList()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var marker = Guid.NewGuid().ToString("N")[..12];
        var created = await _client.CreateProductAsync(staff.Access, name: $"Gone {marker}");
        await _client.SendAsync(HttpMethod.Delete, $"/api/products/{created.Id}", staff.Access);

        var again = await _client.CreateProductAsync(staff.Access, created.Sku, name: $"Back {marker}");

        again.Id.ShouldNotBe(created.Id);
        var page = (await _client.GetFromJsonAsync<PageBody<ProductBody>>($"/api/products?q={marker}"))!;
        page.Items.Select(p => p.Id).ShouldBe([again.Id]);
    }

    [Fact]
    public async Task List_FiltersByTextOnNameOrDescriptionIgnoringCase_AndByPriceRange()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var marker = Guid.NewGuid().ToString("N")[..12];
        await _client.CreateProductAsync(staff.Access, name: $"Cheap {marker}", amount: 100);
        var mid = await _client.CreateProductAsync(staff.Access, name: "Mid", description: $"Says {marker.ToUpperInvariant()}", amount: 500);
        await _client.CreateProductAsync(staff.Access, name: $"Dear {marker}", amount: 900);
        await _client.CreateProductAsync(staff.Access, name: "Unrelated", amount: 500);

        var all = (await _client.GetFromJsonAsync<PageBody<ProductBody>>($"/api/products?q={marker}"))!;
        var ranged = (await _client.GetFromJsonAsync<PageBody<ProductBody>>($"/api/products?q={marker}&minPrice=500&maxPrice=500"))!;

        all.Total.ShouldBe(3);
        ranged.Items.Select(p => p.Id).ShouldBe([mid.Id]);
    }

    [Fact]
    public async Task List_TextWithLikeWildcards_MatchesThemLiterally()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var marker = Guid.NewGuid().ToString("N")[..12];
        var literal = await _client.CreateProductAsync(staff.Access, name: $"{marker} 50% off");
        await _client.CreateProductAsync(staff.Access, name: $"{marker} 50 off");

        var page = (await _client.GetFromJsonAsync<PageBody<ProductBody>>($"/api/products?q={Uri.EscapeDataString(marker + " 50%")}"))!;

        page.Items.Select(p => p.Id).ShouldBe([literal.Id]);
    }

    [Theory]
    [InlineData("name", new[] { "A", "B", "C" })]
    [InlineData("price", new[] { "B", "C", "A" })]
    [InlineData("-price", new[] { "A", "C", "B" })]
    [InlineData("newest", new[] { "C", "B", "A" })]
    public async Task List_Sorts(string sort, string[] expectedNames)
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var marker = Guid.NewGuid().ToString("N")[..12];
        await _client.CreateProductAsync(staff.Access, name: $"{marker} A", amount: 300);
        await _client.CreateProductAsync(staff.Access, name: $"{marker} B", amount: 100);
        await _client.CreateProductAsync(staff.Access, name: $"{marker} C", amount: 200);

        var page = (await _client.GetFromJsonAsync<PageBody<ProductBody>>($"/api/products?q={marker}&sort={Uri.EscapeDataString(sort)}"))!;

        page.Items.Select(p => p.Name[^1..]).ShouldBe(expectedNames);
    }

    [Fact]
    public async Task List_Pages()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var marker = Guid.NewGuid().ToString("N")[..12];
        for (var i = 0; i < 3; i++)
        {
            await _client.CreateProductAsync(staff.Access, name: $"{marker} {i}");
        }

        var first = (await _client.GetFromJsonAsync<PageBody<ProductBody>>($"/api/products?q={marker}&page=1&pageSize=2"))!;
        var second = (await _client.GetFromJsonAsync<PageBody<ProductBody>>($"/api/products?q={marker}&page=2&pageSize=2"))!;

        first.Items.Length.ShouldBe(2);
        first.Total.ShouldBe(3);
        first.Page.ShouldBe(1);
        first.PageSize.ShouldBe(2);
        second.Items.Length.ShouldBe(1);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=abc", "page")]
    [InlineData("minPrice=1.5", "minPrice")]
    [InlineData("minPrice=-1", "minPrice")]
    [InlineData("minPrice=10&maxPrice=5", "maxPrice")]
    [InlineData("sort=cheapest", "sort")]
    public async Task List_BadParameter_Returns400NamingIt(string query, string field)
    {
        var response = await _client.GetAsync($"/api/products?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task Writes_ForNonStaff_Return403Forbidden()
    {
        var staff = await _client.RegisterStaffAsync(factory);
        var product = await _client.CreateProductAsync(staff.Access);
        var user = await _client.RegisterAsync();
        var body = new { sku = ShopClientExtensions.UniqueSku(), name = "Mug", price = new { amount = 1, currency = "EUR" }, stock = 1 };

        var responses = new[]
        {
            await _client.SendAsync(HttpMethod.Post, "/api/products", user.Access, body),
            await _client.SendAsync(HttpMethod.Put, $"/api/products/{product.Id}", user.Access, body),
            await _client.SendAsync(HttpMethod.Delete, $"/api/products/{product.Id}", user.Access),
        };

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await response.ReadProblemAsync()).Code.ShouldBe("forbidden");
        }

        (await _client.GetFromJsonAsync<ProductBody>($"/api/products/{product.Id}")).ShouldBe(product);
    }

    [Fact]
    public async Task Writes_WithoutToken_Return401WithABearerChallenge()
    {
        var body = new { sku = ShopClientExtensions.UniqueSku(), name = "Mug", price = new { amount = 1, currency = "EUR" }, stock = 1 };
        var id = Guid.NewGuid();

        var responses = new[]
        {
            await _client.SendAsync(HttpMethod.Post, "/api/products", null, body),
            await _client.SendAsync(HttpMethod.Put, $"/api/products/{id}", null, body),
            await _client.SendAsync(HttpMethod.Delete, $"/api/products/{id}", null),
        };

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
            (await response.ReadProblemAsync()).Code.ShouldBe("not_authenticated");
        }
    }
}
