using System.Runtime.Versioning;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ShopEase.Infrastructure.Security;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>Signing keys on disk: written owner-only from the first byte, and refused when others could read them.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class KeyFileTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"shopease-keys-{Guid.NewGuid():N}");

    public KeyFileTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void SecretFile_NeverWritesThroughANameThatAlreadyExists()
    {
        var target = Path.Combine(_directory, "somewhere-else");
        var link = Path.Combine(_directory, "signing.key");
        File.CreateSymbolicLink(link, target);

        Should.Throw<IOException>(() => SecretFile.WriteOwnerOnly(link, SigningKey.Generate()));

        File.Exists(target).ShouldBeFalse("the secret must not be written through a planted link");
    }

    [Fact]
    public void InDevelopment_TheGeneratedKeyAndTheDirectoryItCreates_AreOwnerOnly()
    {
        var keyFile = Path.Combine(_directory, "profile", "development-signing.key");

        using var factory = AppWith("Development", new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = "",
            ["Jwt:DevelopmentKeyFile"] = keyFile,
        });
        factory.CreateClient();

        File.GetUnixFileMode(keyFile).ShouldBe(OwnerReadWrite);
        File.GetUnixFileMode(Path.GetDirectoryName(keyFile)!).ShouldBe(OwnerReadWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task OutsideDevelopment_AnEs256KeyOnAnother256BitCurve_RefusesToStart()
    {
        using var secp256k1 = ECDsa.Create(ECCurve.CreateFromFriendlyName("secP256k1"));
        var keyFile = WriteOwnerOnly("k1.pem", secp256k1.ExportPkcs8PrivateKeyPem());

        var (exitCode, output) = await StartEs256ProcessAsync(keyFile);

        exitCode.ShouldNotBe(0);
        output.ShouldContain("is not a P-256 key");
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    public async Task OutsideDevelopment_APrivateKeyFileOthersMayRead_RefusesToStart(UnixFileMode extra)
    {
        var keyFile = Path.Combine(_directory, "es256.pem");
        AsymmetricKeyFile.Generate("ES256", keyFile);
        File.SetUnixFileMode(keyFile, OwnerReadWrite | extra);

        var (exitCode, output) = await StartEs256ProcessAsync(keyFile);

        exitCode.ShouldNotBe(0);
        output.ShouldContain("its group or others may read");
        output.ShouldContain(keyFile);
    }

    [Fact]
    public void OutsideDevelopment_AnOwnerOnlyPrivateKeyWithAWorldReadablePublicKey_Starts()
    {
        var keyFile = Path.Combine(_directory, "es256.pem");
        AsymmetricKeyFile.Generate("ES256", keyFile);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = Path.Combine(_directory, "old-es256.pub.pem");
        File.WriteAllText(publicKey, other.ExportSubjectPublicKeyInfoPem());
        File.SetUnixFileMode(publicKey, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Should.NotThrow(() => StartEs256(keyFile, publicKey));
    }

    private static void StartEs256(params string[] keyFiles)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jwt:Algorithm"] = "ES256",
            ["Browser:CsrfKey"] = SigningKey.Generate(),
        };
        for (var i = 0; i < keyFiles.Length; i++)
        {
            settings[$"Jwt:KeyFiles:{i}"] = keyFiles[i];
        }

        using var factory = AppWith("Production", settings);
        factory.CreateClient();
    }

    // A refusal is checked on the process an operator starts: WebApplicationFactory can lose a start-up
    // exception to its own race (an ObjectDisposedException of the host's services) on a loaded machine.
    private static Task<(int ExitCode, string Output)> StartEs256ProcessAsync(string keyFile) =>
        WebAppProcess.RunAsync([], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Jwt__Algorithm"] = "ES256",
            ["Jwt__KeyFiles__0"] = keyFile,
            ["Browser__CsrfKey"] = SigningKey.Generate(),
            ["ConnectionStrings__Default"] = "Host=127.0.0.1;Database=unused",
        });

    private string WriteOwnerOnly(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        SecretFile.WriteOwnerOnly(path, content);
        return path;
    }

    private static WebApplicationFactory<Program> AppWith(string environment, IReadOnlyDictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("ConnectionStrings:Default", "Host=127.0.0.1;Database=unused");

            // Required outside Development since the second factor; these tests are about the signing keys.
            b.UseSetting("Mfa:EncryptionKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });
}
