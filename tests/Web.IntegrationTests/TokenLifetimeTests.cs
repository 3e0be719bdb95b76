using System.Net;
using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// Lifetimes against a fake clock: access 10 min, refresh 1 h, session 2 h (see
/// <see cref="FakeClockApiFactory"/>). The clock only moves forward, so each test registers its own user.
/// </summary>
public sealed class TokenLifetimeTests(FakeClockApiFactory factory) : IClassFixture<FakeClockApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task AccessToken_ClaimsMatchTheContract()
    {
        var registered = await _client.RegisterAsync();

        var header = JwtPayload.ReadHeader(registered.Access);
        var payload = JwtPayload.Read(registered.Access);

        header["alg"].GetString().ShouldBe("HS256");
        header["typ"].GetString().ShouldBe("JWT");
        header["kid"].GetString().ShouldNotBeNullOrEmpty();
        payload["sub"].GetString().ShouldBe(registered.User.Id);
        Guid.TryParse(payload["sid"].GetString(), out _).ShouldBeTrue();
        payload["jti"].GetString().ShouldNotBeNullOrEmpty();
        payload["iss"].GetString().ShouldBe("shopease");
        payload["aud"].GetString().ShouldBe("shopease-api");
        payload["token_type"].GetString().ShouldBe("access");
        (payload["exp"].GetInt64() - payload["iat"].GetInt64()).ShouldBe(600);
        Math.Abs(payload["iat"].GetInt64() - factory.Clock.GetUtcNow().ToUnixTimeSeconds()).ShouldBeLessThanOrEqualTo(1);
        registered.ExpiresIn.ShouldBe(600);
    }

    [Fact]
    public async Task AccessToken_EveryTokenHasItsOwnJti()
    {
        var registered = await _client.RegisterAsync();
        var login = await _client.LoginAsync(registered.User.Email);

        JwtPayload.Read(login.Access)["jti"].GetString().ShouldNotBe(JwtPayload.Read(registered.Access)["jti"].GetString());
    }

    [Fact]
    public async Task AccessToken_StillValidWithinThe30SecondSkew()
    {
        var registered = await _client.RegisterAsync();

        factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(20));

        (await _client.GetMeAsync(registered.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AccessToken_TheServerSignedItself_IsRejectedOnceExpired()
    {
        var registered = await _client.RegisterAsync();

        factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(31));

        var me = await _client.GetMeAsync(registered.Access);
        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await me.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
        var verify = await _client.PostJsonAsync("/api/auth/token/verify", new { token = registered.Access });
        verify.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefreshToken_ExpiresAfterItsLifetime()
    {
        var registered = await _client.RegisterAsync();

        factory.Clock.Advance(TimeSpan.FromMinutes(61));

        (await _client.RefreshAsync(registered.Refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Session_AbsoluteLifetimeDoesNotGrowByRefreshing()
    {
        var registered = await _client.RegisterAsync();
        var refresh = registered.Refresh;
        for (var i = 0; i < 3; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(35));
            var response = await _client.RefreshAsync(refresh);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"refresh {i + 1} at {35 * (i + 1)} min is inside the 2 h session");
            refresh = (await response.Content.ReadFromJsonAsync<TokenPairBody>())!.Refresh;
        }

        // 105 min in: the last token would live to 165 min, but the session ends at 120.
        factory.Clock.Advance(TimeSpan.FromMinutes(16));

        (await _client.RefreshAsync(refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
