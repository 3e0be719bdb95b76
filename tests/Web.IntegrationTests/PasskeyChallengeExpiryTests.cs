using System.Net;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// A ceremony's challenge lives five minutes (on the app's clock, moved by
/// <see cref="FakeClockApiFactory"/>). The clock only moves forward, so each test registers its own user.
/// </summary>
public sealed class PasskeyChallengeExpiryTests(FakeClockApiFactory factory) : IClassFixture<FakeClockApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task SignIn_JustBeforeFiveMinutes_Succeeds()
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();
        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();

        factory.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var response = await _client.SendPasskeyLoginAsync(flowId, authenticator.Get(options));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_AfterFiveMinutes_Is401()
    {
        using var authenticator = await _client.RegisteredAuthenticatorAsync();
        var (flowId, options) = await _client.PasskeyLoginOptionsAsync();

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var response = await _client.SendPasskeyLoginAsync(flowId, authenticator.Get(options));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).Code.ShouldBe("invalid_credentials");
    }

    [Fact]
    public async Task Register_AfterFiveMinutes_Is400AndKeepsNothing()
    {
        var account = await _client.RegisterAsync();
        using var authenticator = SoftwareAuthenticator.Es256();
        var options = await _client.PasskeyCreationOptionsAsync(account.Access);

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var response = await _client.SendPasskeyRegistrationAsync(account.Access, authenticator.Create(options));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["credential"]);
        (await _client.ListPasskeysAsync(account.Access)).ShouldBeEmpty();
    }
}
