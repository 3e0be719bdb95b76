using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>ES256 and RS256: tokens, the JWKS document, and key rotation without logging anyone out.</summary>
public abstract class AsymmetricKeyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AsymmetricKeyApiFactory
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Tokens_AreSignedWithTheConfiguredAlgorithm_AndWork()
    {
        var registered = await _client.RegisterAsync();

        JwtPayload.ReadHeader(registered.Access)["alg"].GetString().ShouldBe(factory.Algorithm);
        (await _client.GetMeAsync(registered.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Jwks_PublishesThePublicKeyOnly_WithTheTokensKid()
    {
        var registered = await _client.RegisterAsync();

        var jwks = await _client.GetStringAsync("/.well-known/jwks.json");

        using var document = JsonDocument.Parse(jwks);
        var key = document.RootElement.GetProperty("keys").EnumerateArray().ShouldHaveSingleItem();
        key.GetProperty("kid").GetString().ShouldBe(JwtPayload.ReadHeader(registered.Access)["kid"].GetString());
        key.GetProperty("alg").GetString().ShouldBe(factory.Algorithm);
        key.GetProperty("use").GetString().ShouldBe("sig");
        foreach (var privatePart in new[] { "d", "p", "q", "dp", "dq", "qi" })
        {
            key.TryGetProperty(privatePart, out _).ShouldBeFalse($"a JWKS must not carry the private '{privatePart}'");
        }
    }

    [Fact]
    public async Task Jwks_AloneIsEnoughForAnotherServiceToValidateOurTokens()
    {
        var registered = await _client.RegisterAsync();
        var keys = new JsonWebKeySet(await _client.GetStringAsync("/.well-known/jwks.json")).GetSigningKeys();

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(registered.Access, new TokenValidationParameters
        {
            ValidIssuer = "shopease",
            ValidAudience = "shopease-api",
            IssuerSigningKeys = keys,
            ValidAlgorithms = [factory.Algorithm],
        });

        result.IsValid.ShouldBeTrue(result.Exception?.Message);
    }

    [Fact]
    public async Task Hs256TokenSignedWithThePublicKeyAsSecret_IsRejected()
    {
        var registered = await _client.RegisterAsync();
        var header = TokenForge.HeaderOf(registered.Access);
        header["alg"] = "HS256";
        var publicKey = System.Text.Encoding.UTF8.GetBytes(await _client.GetStringAsync("/.well-known/jwks.json"));

        var forged = TokenForge.Sign(header, TokenForge.PayloadOf(registered.Access), data => HMACSHA256.HashData(publicKey, data));

        (await _client.GetMeAsync(forged)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Rotation_NewKeySignsWhileTheOldOneStillVerifies()
    {
        var oldToken = (await _client.RegisterAsync()).Access;
        var newKey = factory.NewKeyFile();
        using var rotated = new PeerNodeApiFactory(factory, factory.SettingsFor(newKey, factory.KeyFile));
        var rotatedClient = rotated.CreateApiClient();

        var me = await rotatedClient.GetMeAsync(oldToken);
        var fresh = await rotatedClient.RegisterAsync();
        var jwks = await rotatedClient.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");

        me.StatusCode.ShouldBe(HttpStatusCode.OK, "the old key still verifies the tokens it signed");
        var newKid = JwtPayload.ReadHeader(fresh.Access)["kid"].GetString();
        newKid.ShouldNotBe(JwtPayload.ReadHeader(oldToken)["kid"].GetString());
        jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString())
            .ShouldBe([newKid, JwtPayload.ReadHeader(oldToken)["kid"].GetString()]);
    }

    [Fact]
    public async Task Rotation_OnceTheOldKeyIsDropped_ItsTokensAreRejected()
    {
        var oldToken = (await _client.RegisterAsync()).Access;
        using var withoutOldKey = new PeerNodeApiFactory(factory, factory.SettingsFor(factory.NewKeyFile()));

        var me = await withoutOldKey.CreateApiClient().GetMeAsync(oldToken);

        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await me.ReadProblemAsync()).Code.ShouldBe("token_not_valid");
    }
}

public sealed class Es256KeyTests(Es256ApiFactory factory) : AsymmetricKeyTests<Es256ApiFactory>(factory);

public sealed class Rs256KeyTests(Rs256ApiFactory factory) : AsymmetricKeyTests<Rs256ApiFactory>(factory);
