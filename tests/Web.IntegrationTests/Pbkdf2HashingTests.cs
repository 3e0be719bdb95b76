using System.Buffers.Binary;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// <c>Passwords:Algorithm=pbkdf2</c> (for shops that need FIPS-approved algorithms): new hashes are
/// PBKDF2-HMAC-SHA512, Argon2id hashes made before still verify, and both move to the setting at login.
/// </summary>
public sealed class Pbkdf2HashingTests(Pbkdf2HashingTests.Pbkdf2ApiFactory factory) : IClassFixture<Pbkdf2HashingTests.Pbkdf2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Register_StoresPbkdf2Sha512HashWithAtLeast210000Iterations()
    {
        var body = await _client.RegisterAsync();

        var bytes = Convert.FromBase64String(await factory.StoredPasswordHashAsync(body.User.Email));

        bytes[0].ShouldBe((byte)0x01, "Identity v3 format");
        ReadUInt32BigEndian(bytes, 1).ShouldBe(2u, "PRF 2 is HMAC-SHA512");
        ReadUInt32BigEndian(bytes, 5).ShouldBeGreaterThanOrEqualTo(210_000u);
        ReadUInt32BigEndian(bytes, 9).ShouldBeGreaterThanOrEqualTo(16u, "salt of at least 128 bits");
    }

    [Fact]
    public async Task Login_WithHashWeakerThanSettings_RehashesAtConfiguredIterations()
    {
        var email = ApiClientExtensions.UniqueEmail();
        var weak = PasswordHashes.Pbkdf2(10_000);
        await factory.AddAccountWithHashAsync(email, weak);

        await _client.LoginAsync(email);

        var stored = await factory.StoredPasswordHashAsync(email);
        stored.ShouldNotBe(weak);
        ReadUInt32BigEndian(Convert.FromBase64String(stored), 5).ShouldBeGreaterThanOrEqualTo(210_000u);
        (await _client.LoginAsync(email)).User.Email.ShouldBe(email);
    }

    [Fact]
    public async Task Login_WithAnArgon2idHash_StillVerifiesAndMovesToPbkdf2()
    {
        var email = ApiClientExtensions.UniqueEmail();
        await factory.AddAccountWithHashAsync(email, PasswordHashes.Argon2id(memoryKiB: 19_456, iterations: 2));

        (await _client.LoginAsync(email)).User.Email.ShouldBe(email);

        var bytes = Convert.FromBase64String(await factory.StoredPasswordHashAsync(email));
        bytes[0].ShouldBe((byte)0x01, "Identity v3 format");
        ReadUInt32BigEndian(bytes, 5).ShouldBeGreaterThanOrEqualTo(210_000u);
    }

    private static uint ReadUInt32BigEndian(byte[] bytes, int offset) =>
        BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset, 4));

    public sealed class Pbkdf2ApiFactory : ShopEaseApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Passwords:Algorithm"] = "pbkdf2",
        };
    }
}
