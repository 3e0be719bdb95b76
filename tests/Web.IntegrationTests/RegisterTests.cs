using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class RegisterTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Register_WithValidCredentials_Returns201WithUserTokensAndLocation()
    {
        var email = ApiClientExtensions.UniqueEmail();

        var response = await _client.PostJsonAsync("/api/auth/register", new { email, password = "correct horse" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.ShouldBe("/api/auth/me");
        var body = (await response.Content.ReadFromJsonAsync<AuthBody>())!;
        body.User.Email.ShouldBe(email);
        Guid.TryParse(body.User.Id, out _).ShouldBeTrue();
        body.User.DateJoined.ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$");
        body.TokenType.ShouldBe("Bearer");
        body.ExpiresIn.ShouldBe(3600);
        body.Access.Split('.').Length.ShouldBe(3);
        body.Refresh.ShouldNotContain(".");
    }

    [Fact]
    public async Task Register_ReturnsTokensThatWorkAtOnce()
    {
        var registered = await _client.RegisterAsync();

        var me = await _client.GetMeAsync(registered.Access);
        var refreshed = await _client.RefreshAsync(registered.Refresh);

        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Register_NormalisesEmail_TrimmedAndLowerCase()
    {
        var local = $"Ann-{Guid.NewGuid():N}";

        var body = await _client.RegisterAsync($"  {local}@Shop.IO ");

        body.User.Email.ShouldBe($"{local.ToLowerInvariant()}@shop.io");
    }

    [Fact]
    public async Task Register_SameEmailDifferentCaseAndSpaces_Returns400EmailAlreadyExists()
    {
        var email = ApiClientExtensions.UniqueEmail();
        await _client.RegisterAsync(email);

        var response = await _client.PostJsonAsync("/api/auth/register", new { email = $" {email.ToUpperInvariant()} ", password = "another password" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!["email"].ShouldBe(["Email already exists"]);
    }

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("two@@shop.io")]
    [InlineData("a@b@shop.io")]
    [InlineData("@shop.io")]
    [InlineData("ann@localhost")]
    [InlineData("ann@shop.")]
    [InlineData("ann@.io")]
    [InlineData("ann smith@shop.io")]
    [InlineData("ann\u0000@shop.io")]
    [InlineData("ann\t@shop.io")]
    [InlineData("ann\u0007@shop.io")]
    public async Task Register_MalformedEmail_Returns400OnEmail(string email)
    {
        var response = await _client.PostJsonAsync("/api/auth/register", new { email, password = "correct horse" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.ShouldBe(["email"]);
    }

    [Fact]
    public async Task Register_LocalPartOver64Characters_Returns400OnEmail()
    {
        var response = await _client.PostJsonAsync("/api/auth/register", new { email = new string('a', 65) + "@shop.io", password = "correct horse" });

        (await response.ReadProblemAsync()).Errors!.ShouldContainKey("email");
    }

    [Fact]
    public async Task Register_EmailOver254Characters_Returns400OnEmail()
    {
        var email = "a@" + string.Join('.', Enumerable.Repeat(new string('d', 60), 5)) + ".io";
        email.Length.ShouldBeGreaterThan(254);

        var response = await _client.PostJsonAsync("/api/auth/register", new { email, password = "correct horse" });

        (await response.ReadProblemAsync()).Errors!.ShouldContainKey("email");
    }

    [Fact]
    public async Task Register_MissingFields_Returns400NamingBoth()
    {
        var response = await _client.PostJsonAsync("/api/auth/register", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Code.ShouldBe("validation_failed");
        problem.Errors!.Keys.Order().ShouldBe(["email", "password"]);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(129)]
    public async Task Register_PasswordOutsideBounds_Returns400OnPassword(int length)
    {
        var response = await _client.PostJsonAsync("/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password = new string('p', length) });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["password"]);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(128)]
    public async Task Register_PasswordAtBounds_Succeeds(int length)
    {
        var body = await _client.RegisterAsync(password: new string('p', length));

        body.User.Email.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Register_PasswordLengthCountsCodePointsNotUtf16Units()
    {
        var eightEmoji = string.Concat(Enumerable.Repeat("\U0001F600", 8));
        var sevenEmoji = string.Concat(Enumerable.Repeat("\U0001F600", 7));

        var accepted = await _client.PostJsonAsync("/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password = eightEmoji });
        var refused = await _client.PostJsonAsync("/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password = sevenEmoji });

        accepted.StatusCode.ShouldBe(HttpStatusCode.Created);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Register_IgnoresUnknownProperties()
    {
        var response = await _client.PostJsonAsync("/api/auth/register",
            new { email = ApiClientExtensions.UniqueEmail(), password = "correct horse", isStaff = true, role = "admin" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<AuthBody>())!;
        var me = await (await _client.GetMeAsync(body.Access)).Content.ReadFromJsonAsync<MeBody>();
        me!.IsStaff.ShouldBeFalse();
    }

    [Fact]
    public async Task Register_NeverEchoesThePassword()
    {
        const string password = "a very distinctive passphrase";

        var response = await _client.PostJsonAsync("/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password });

        (await response.Content.ReadAsStringAsync()).ShouldNotContain(password);
    }
}
