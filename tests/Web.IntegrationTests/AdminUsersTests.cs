using System.Net;
using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class AdminUsersTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    private sealed record AdminUserBody(string Id, string Email, bool IsActive, bool IsStaff, string DateJoined, string? LastLoginAt);

    private sealed record PageBody(AdminUserBody[] Items, int Page, int PageSize, int Total);

    [Fact]
    public async Task ListUsers_AsStaff_ReturnsAPageFilteredByEmail()
    {
        var staff = await StaffAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 3; i++)
        {
            await _client.RegisterAsync($"{marker}-{i}@shop.io");
        }

        var response = await SendAsync(HttpMethod.Get, $"/api/admin/users?email={marker.ToUpperInvariant()}&page=1&pageSize=2", staff.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = (await response.Content.ReadFromJsonAsync<PageBody>())!;
        page.Total.ShouldBe(3);
        page.Page.ShouldBe(1);
        page.PageSize.ShouldBe(2);
        page.Items.Length.ShouldBe(2);
        page.Items.ShouldAllBe(u => u.Email.StartsWith(marker) && u.IsActive && !u.IsStaff && u.LastLoginAt != null);
    }

    [Fact]
    public async Task ListUsers_SecondPage_HasTheRest()
    {
        var staff = await StaffAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 3; i++)
        {
            await _client.RegisterAsync($"{marker}-{i}@shop.io");
        }

        var page = (await (await SendAsync(HttpMethod.Get, $"/api/admin/users?email={marker}&page=2&pageSize=2", staff.Access))
            .Content.ReadFromJsonAsync<PageBody>())!;

        page.Items.Length.ShouldBe(1);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=101")]
    [InlineData("page=abc")]
    public async Task ListUsers_BadPaging_Returns400(string query)
    {
        var staff = await StaffAsync();

        var response = await SendAsync(HttpMethod.Get, $"/api/admin/users?{query}", staff.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Code.ShouldBe("validation_failed");
    }

    [Fact]
    public async Task AdminRoutes_ForNonStaff_Return403Forbidden()
    {
        var user = await _client.RegisterAsync();

        var list = await SendAsync(HttpMethod.Get, "/api/admin/users", user.Access);
        var patch = await SendAsync(HttpMethod.Patch, $"/api/admin/users/{user.User.Id}", user.Access, new { isStaff = true });

        foreach (var response in new[] { list, patch })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await response.ReadProblemAsync()).Code.ShouldBe("forbidden");
        }
    }

    [Fact]
    public async Task AdminRoutes_WithoutToken_Return401()
    {
        var response = await _client.GetAsync("/api/admin/users");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("not_authenticated");
    }

    [Fact]
    public async Task Deactivate_RevokesEverySessionAtOnce_AndLoginThenFailsAsInvalidCredentials()
    {
        var staff = await StaffAsync();
        var target = await _client.RegisterAsync();
        var secondSession = await _client.LoginAsync(target.User.Email);

        var response = await SendAsync(HttpMethod.Patch, $"/api/admin/users/{target.User.Id}", staff.Access, new { isActive = false });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<AdminUserBody>())!.IsActive.ShouldBeFalse();
        foreach (var session in new[] { target, secondSession })
        {
            (await _client.GetMeAsync(session.Access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            var refresh = await _client.RefreshAsync(session.Refresh);
            refresh.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await refresh.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
        }

        var login = await _client.PostJsonAsync("/api/auth/login", new { email = target.User.Email, password = ApiClientExtensions.DefaultPassword });
        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await login.ReadProblemAsync()).Code.ShouldBe("invalid_credentials");
    }

    [Fact]
    public async Task Reactivate_LetsTheUserLogInAgain()
    {
        var staff = await StaffAsync();
        var target = await _client.RegisterAsync();
        await SendAsync(HttpMethod.Patch, $"/api/admin/users/{target.User.Id}", staff.Access, new { isActive = false });

        await SendAsync(HttpMethod.Patch, $"/api/admin/users/{target.User.Id}", staff.Access, new { isActive = true });

        (await _client.LoginAsync(target.User.Email)).User.Id.ShouldBe(target.User.Id);
    }

    [Fact]
    public async Task GrantStaff_OpensTheAdminRoutesAtOnce()
    {
        var staff = await StaffAsync();
        var target = await _client.RegisterAsync();

        await SendAsync(HttpMethod.Patch, $"/api/admin/users/{target.User.Id}", staff.Access, new { isStaff = true });

        (await SendAsync(HttpMethod.Get, "/api/admin/users", target.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeactivateSelf_Returns400AndChangesNothing()
    {
        var staff = await StaffAsync();

        var response = await SendAsync(HttpMethod.Patch, $"/api/admin/users/{staff.User.Id}", staff.Access, new { isActive = false });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["isActive"]);
        (await _client.GetMeAsync(staff.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("6f1c2a52-0000-0000-0000-000000000000")]
    [InlineData("not-a-guid")]
    public async Task PatchUnknownUser_Returns404(string id)
    {
        var staff = await StaffAsync();

        var response = await SendAsync(HttpMethod.Patch, $"/api/admin/users/{id}", staff.Access, new { isActive = false });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadProblemAsync()).Code.ShouldBe("not_found");
    }

    [Fact]
    public async Task Patch_WithWrongJsonType_Returns400OnThatField()
    {
        var staff = await StaffAsync();
        var target = await _client.RegisterAsync();

        var response = await SendAsync(HttpMethod.Patch, $"/api/admin/users/{target.User.Id}", staff.Access, new { isActive = "no" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Errors!["isActive"].ShouldBe(["Must be true or false."]);
    }

    private async Task<AuthBody> StaffAsync()
    {
        var staff = await _client.RegisterAsync(ApiClientExtensions.UniqueEmail("staff"));
        await factory.MakeStaffAsync(staff.User.Email);
        return staff;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string access, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", access);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return _client.SendAsync(request);
    }
}
