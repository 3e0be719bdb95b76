using System.Net;
using System.Security.Cryptography;
using ShopEase.Infrastructure.Security;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>Every way of making a token the server did not issue, or did not issue for this, is refused.</summary>
public sealed class ForgedTokenTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    private byte[] Key => Convert.FromBase64String(factory.SigningKey);

    private string Kid => SigningKey.Create(factory.SigningKey).KeyId;

    [Fact]
    public async Task AHandSignedTokenWithTheRealKey_IsAccepted_SoTheForgeriesBelowFailForTheirOwnReason()
    {
        var registered = await _client.RegisterAsync();
        var token = TokenForge.Hs256(TokenForge.HeaderOf(registered.Access), TokenForge.PayloadOf(registered.Access), Key);

        (await _client.GetMeAsync(token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AlgNone_IsRejected()
    {
        var registered = await _client.RegisterAsync();
        var token = $"{TokenForge.Encode(new { alg = "none", typ = "JWT", kid = Kid })}.{TokenForge.Encode(TokenForge.PayloadOf(registered.Access))}.";

        await ShouldBeRejectedAsync(token);
    }

    [Fact]
    public async Task ChangedPayloadWithOriginalSignature_IsRejected()
    {
        var victim = await _client.RegisterAsync();
        var attacker = await _client.RegisterAsync();
        var parts = attacker.Access.Split('.');
        var payload = TokenForge.PayloadOf(attacker.Access);
        payload["sub"] = victim.User.Id;

        await ShouldBeRejectedAsync($"{parts[0]}.{TokenForge.Encode(payload)}.{parts[2]}");
    }

    [Fact]
    public async Task Hs512WithAnEmptyKey_IsRejected()
    {
        var registered = await _client.RegisterAsync();
        var token = TokenForge.Sign(new { alg = "HS512", typ = "JWT", kid = Kid }, TokenForge.PayloadOf(registered.Access),
            data => HMACSHA512.HashData(Array.Empty<byte>(), data));

        await ShouldBeRejectedAsync(token);
    }

    [Fact]
    public async Task Hs512WithTheRealKey_IsRejectedBecauseTheAlgorithmIsPinned()
    {
        var registered = await _client.RegisterAsync();
        var token = TokenForge.Sign(new { alg = "HS512", typ = "JWT", kid = Kid }, TokenForge.PayloadOf(registered.Access),
            data => HMACSHA512.HashData(Key, data));

        await ShouldBeRejectedAsync(token);
    }

    [Fact]
    public async Task UnknownKid_IsRejectedEvenWithTheRealKey()
    {
        var registered = await _client.RegisterAsync();
        var header = TokenForge.HeaderOf(registered.Access);
        header["kid"] = "someone-elses-key";

        await ShouldBeRejectedAsync(TokenForge.Hs256(header, TokenForge.PayloadOf(registered.Access), Key));
    }

    [Fact]
    public async Task MissingKid_IsRejected()
    {
        var registered = await _client.RegisterAsync();

        await ShouldBeRejectedAsync(TokenForge.Hs256(new { alg = "HS256", typ = "JWT" }, TokenForge.PayloadOf(registered.Access), Key));
    }

    [Fact]
    public async Task SignedWithAnotherKey_IsRejected()
    {
        var registered = await _client.RegisterAsync();

        await ShouldBeRejectedAsync(TokenForge.Hs256(TokenForge.HeaderOf(registered.Access), TokenForge.PayloadOf(registered.Access),
            RandomNumberGenerator.GetBytes(32)));
    }

    [Theory]
    [InlineData("aud", "another-api")]
    [InlineData("iss", "someone-else")]
    [InlineData("token_type", "refresh")]
    [InlineData("sid", "not-a-session")]
    public async Task WrongClaim_SignedWithTheRealKey_IsRejected(string claim, string value)
    {
        var registered = await _client.RegisterAsync();
        var payload = TokenForge.PayloadOf(registered.Access);
        payload[claim] = value;

        await ShouldBeRejectedAsync(TokenForge.Hs256(TokenForge.HeaderOf(registered.Access), payload, Key));
    }

    [Theory]
    [InlineData("token_type")]
    [InlineData("exp")]
    [InlineData("sub")]
    public async Task MissingClaim_SignedWithTheRealKey_IsRejected(string claim)
    {
        var registered = await _client.RegisterAsync();
        var payload = TokenForge.PayloadOf(registered.Access);
        payload.Remove(claim);

        await ShouldBeRejectedAsync(TokenForge.Hs256(TokenForge.HeaderOf(registered.Access), payload, Key));
    }

    [Fact]
    public async Task ExpiredLongAgo_SignedWithTheRealKey_IsRejected()
    {
        var registered = await _client.RegisterAsync();
        var payload = TokenForge.PayloadOf(registered.Access);
        var past = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();
        payload["iat"] = past;
        payload["exp"] = past + 60;

        await ShouldBeRejectedAsync(TokenForge.Hs256(TokenForge.HeaderOf(registered.Access), payload, Key));
    }

    [Fact]
    public async Task RefreshTokenAsBearer_IsRejected()
    {
        var registered = await _client.RegisterAsync();

        await ShouldBeRejectedAsync(registered.Refresh);
    }

    private async Task ShouldBeRejectedAsync(string token)
    {
        var me = await _client.GetMeAsync(token);
        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        me.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"invalid_token\"");
        (await me.ReadProblemAsync()).Code.ShouldBe("token_not_valid");

        var verify = await _client.PostJsonAsync("/api/auth/token/verify", new { token });
        verify.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await verify.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }
}
