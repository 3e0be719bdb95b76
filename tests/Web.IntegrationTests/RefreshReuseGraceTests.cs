using System.Net;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// A spent refresh token presented again shortly after its rotation (the default grace of 10 s) is refused
/// without ending the session; later, it ends the session as theft. The fake clock sets the moment exactly.
/// </summary>
public sealed class RefreshReuseGraceTests(FakeClockApiFactory factory) : IClassFixture<FakeClockApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task SpentTokenAgain_JustInsideTheGrace_Is401_AndTheSessionLives()
    {
        var registered = await _client.RegisterAsync();
        var rotated = await (await _client.RefreshAsync(registered.Refresh)).ReadTokenPairAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(9));

        var again = await _client.RefreshAsync(registered.Refresh);

        again.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await again.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
        (await _client.GetMeAsync(rotated.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.RefreshAsync(rotated.Refresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SpentTokenAgain_PastTheGrace_RevokesTheSession()
    {
        var registered = await _client.RegisterAsync();
        var rotated = await (await _client.RefreshAsync(registered.Refresh)).ReadTokenPairAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(11));

        var again = await _client.RefreshAsync(registered.Refresh);

        again.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await again.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
        (await _client.GetMeAsync(rotated.Access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.RefreshAsync(rotated.Refresh)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SpentTokenAgain_InsideTheGraceAndAgainPastIt_RevokesTheSessionTheSecondTime()
    {
        var registered = await _client.RegisterAsync();
        var rotated = await (await _client.RefreshAsync(registered.Refresh)).ReadTokenPairAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        await _client.RefreshAsync(registered.Refresh);
        (await _client.GetMeAsync(rotated.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromSeconds(6));

        await _client.RefreshAsync(registered.Refresh);

        (await _client.GetMeAsync(rotated.Access)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
