using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class RefreshTests(ImmediateReuseDetectionApiFactory factory) : IClassFixture<ImmediateReuseDetectionApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Refresh_WithLiveToken_ReturnsANewWorkingPair()
    {
        var registered = await _client.RegisterAsync();

        var response = await _client.RefreshAsync(registered.Refresh);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pair = (await response.Content.ReadFromJsonAsync<TokenPairBody>())!;
        pair.TokenType.ShouldBe("Bearer");
        pair.ExpiresIn.ShouldBe(3600);
        pair.Refresh.ShouldNotBe(registered.Refresh);
        pair.Access.ShouldNotBe(registered.Access);
        (await _client.GetMeAsync(pair.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.RefreshAsync(pair.Refresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_KeepsTheSessionId()
    {
        var registered = await _client.RegisterAsync();

        var pair = (await (await _client.RefreshAsync(registered.Refresh)).Content.ReadFromJsonAsync<TokenPairBody>())!;

        JwtPayload.Read(pair.Access)["sid"].GetString().ShouldBe(JwtPayload.Read(registered.Access)["sid"].GetString());
    }

    [Fact]
    public async Task Refresh_SpentToken_Returns401()
    {
        var registered = await _client.RegisterAsync();
        await _client.RefreshAsync(registered.Refresh);

        var replay = await _client.RefreshAsync(registered.Refresh);

        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await replay.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task Refresh_ReplayOfSpentToken_RevokesTheWholeSession()
    {
        var registered = await _client.RegisterAsync();
        var first = (await (await _client.RefreshAsync(registered.Refresh)).Content.ReadFromJsonAsync<TokenPairBody>())!;
        var second = (await (await _client.RefreshAsync(first.Refresh)).Content.ReadFromJsonAsync<TokenPairBody>())!;

        await _client.RefreshAsync(registered.Refresh);

        (await _client.RefreshAsync(second.Refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_ReplayInOneSession_LeavesOtherSessionsOfTheUserAlone()
    {
        var registered = await _client.RegisterAsync();
        var otherSession = await _client.LoginAsync(registered.User.Email);
        await _client.RefreshAsync(registered.Refresh);

        await _client.RefreshAsync(registered.Refresh);

        (await _client.RefreshAsync(otherSession.Refresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Refresh_UnknownToken_Returns401(string token)
    {
        var response = await _client.RefreshAsync(token);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task Refresh_WithAccessTokenInItsPlace_Returns401()
    {
        var registered = await _client.RegisterAsync();

        var response = await _client.RefreshAsync(registered.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }

    [Fact]
    public async Task Refresh_MissingField_Returns400OnRefresh()
    {
        var response = await _client.PostJsonAsync("/api/auth/token/refresh", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["refresh"]);
    }

    [Fact]
    public async Task Refresh_OfDeactivatedAccount_Returns401()
    {
        var registered = await _client.RegisterAsync();
        await factory.WithDbContextAsync(db => db.Users.Where(u => u.Email == registered.User.Email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));

        var response = await _client.RefreshAsync(registered.Refresh);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_OfAccountDeactivatedBehindTheApisBack_RevokesTheSessionAndIssuesNoSuccessor()
    {
        var registered = await _client.RegisterAsync();
        await factory.WithDbContextAsync(db => db.Users.Where(u => u.Email == registered.User.Email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));

        await _client.RefreshAsync(registered.Refresh);

        var session = await factory.WithDbContextAsync(db => db.Sessions
            .Where(s => db.Users.Any(u => u.Id == s.UserId && u.Email == registered.User.Email))
            .Select(s => new { s.RevokedAt, Tokens = db.RefreshTokens.Count(t => t.SessionId == s.Id) })
            .SingleAsync());
        session.RevokedAt.ShouldNotBeNull();
        session.Tokens.ShouldBe(1);
    }

    [Fact]
    public async Task RefreshTokens_AreStoredOnlyAsSha256Hashes()
    {
        var registered = await _client.RegisterAsync();

        var hashes = await factory.WithDbContextAsync(db => db.RefreshTokens.Select(t => t.TokenHash).ToListAsync());

        var expected = System.Security.Cryptography.SHA256.HashData(System.Buffers.Text.Base64Url.DecodeFromChars(registered.Refresh));
        hashes.ShouldContain(h => h.SequenceEqual(expected));
        System.Buffers.Text.Base64Url.DecodeFromChars(registered.Refresh).Length.ShouldBeGreaterThanOrEqualTo(32);
    }
}
