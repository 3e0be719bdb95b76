using System.Net;
using System.Security.Cryptography;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

public sealed class Hs256KeyRotationTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    [Fact]
    public async Task NewSecretSigns_PreviousSecretStillVerifies()
    {
        var oldToken = (await factory.CreateApiClient().RegisterAsync()).Access;
        using var rotated = new PeerNodeApiFactory(factory, new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Jwt:PreviousSigningKeys:0"] = factory.SigningKey,
        });
        var client = rotated.CreateApiClient();

        var me = await client.GetMeAsync(oldToken);
        var fresh = await client.RegisterAsync();

        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        JwtPayload.ReadHeader(fresh.Access)["kid"].GetString().ShouldNotBe(JwtPayload.ReadHeader(oldToken)["kid"].GetString());
    }

    [Fact]
    public async Task Jwks_IsEmpty_BecauseTheSecretIsShared()
    {
        var jwks = await factory.CreateApiClient().GetStringAsync("/.well-known/jwks.json");

        jwks.ShouldBe("{\"keys\":[]}");
    }
}
