using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>The default: new hashes are Argon2id at OWASP's cost, and older hashes move to it at login.</summary>
public sealed class Argon2idHashingTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    private const string DefaultCost = "$argon2id$v=19$m=19456,t=2,p=1$";

    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Register_StoresAnArgon2idHashAtTheDefaultCost()
    {
        var body = await _client.RegisterAsync();

        var stored = await factory.StoredPasswordHashAsync(body.User.Email);

        stored.ShouldStartWith(DefaultCost);
        stored.ShouldNotContain(ApiClientExtensions.DefaultPassword);
    }

    [Fact]
    public async Task Login_WithAPbkdf2Hash_UpgradesItToArgon2id()
    {
        var email = ApiClientExtensions.UniqueEmail();
        await factory.AddAccountWithHashAsync(email, PasswordHashes.Pbkdf2(210_000));

        await _client.LoginAsync(email);

        (await factory.StoredPasswordHashAsync(email)).ShouldStartWith(DefaultCost);
        (await _client.LoginAsync(email)).User.Email.ShouldBe(email);
    }

    [Fact]
    public async Task Login_WithAnArgon2idHashOfAWeakerCost_RehashesAtTheConfiguredCost()
    {
        var email = ApiClientExtensions.UniqueEmail();
        var weak = PasswordHashes.Argon2id(memoryKiB: 8_192, iterations: 1);
        weak.ShouldStartWith("$argon2id$v=19$m=8192,t=1,p=1$");
        await factory.AddAccountWithHashAsync(email, weak);

        await _client.LoginAsync(email);

        (await factory.StoredPasswordHashAsync(email)).ShouldStartWith(DefaultCost);
    }

    [Fact]
    public async Task Login_WithAHashAtTheConfiguredCost_LeavesItAlone()
    {
        var body = await _client.RegisterAsync();
        var stored = await factory.StoredPasswordHashAsync(body.User.Email);

        await _client.LoginAsync(body.User.Email);

        (await factory.StoredPasswordHashAsync(body.User.Email)).ShouldBe(stored);
    }
}
