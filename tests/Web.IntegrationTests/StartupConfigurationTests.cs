using System.Net;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>A bad signing key stops the app at start, with a message that says what to do.</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("Production", "")]
    [InlineData("Staging", "")]
    [InlineData("Production", "c2hvcnQ=")]
    [InlineData("Production", "this is not base64!")]
    public async Task OutsideDevelopment_MissingOrWeakKey_RefusesToStart(string environment, string key)
    {
        var (exitCode, output) = await WebAppProcess.RunAsync([], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["Jwt__SigningKey"] = key,
            ["ConnectionStrings__Default"] = "Host=127.0.0.1;Database=unused",
        });

        exitCode.ShouldNotBe(0);
        output.ShouldContain("Jwt:SigningKey");
        output.ShouldContain("at least 256 bits");
    }

    [Theory]
    [InlineData("ES256", "")]
    [InlineData("RS256", "/nonexistent/key.pem")]
    [InlineData("PS512", "")]
    public async Task OutsideDevelopment_AsymmetricWithoutUsableKeyFile_RefusesToStart(string algorithm, string keyFile)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Jwt__Algorithm"] = algorithm,
            ["ConnectionStrings__Default"] = "Host=127.0.0.1;Database=unused",
        };
        if (keyFile.Length > 0)
        {
            environment["Jwt__KeyFiles__0"] = keyFile;
        }

        var (exitCode, output) = await WebAppProcess.RunAsync([], environment);

        exitCode.ShouldNotBe(0);
        output.ShouldContain(algorithm == "PS512" ? "Jwt:Algorithm must be one of HS256, ES256, RS256" : "Jwt:KeyFiles");
    }

    [Fact]
    public async Task OutsideDevelopment_AsymmetricWithoutCsrfKey_RefusesToStart()
    {
        var keyFile = Path.Combine(Path.GetTempPath(), $"shopease-{Guid.NewGuid():N}.pem");
        ShopEase.Infrastructure.Security.AsymmetricKeyFile.Generate("ES256", keyFile);
        try
        {
            var (exitCode, output) = await WebAppProcess.RunAsync([], new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Jwt__Algorithm"] = "ES256",
                ["Jwt__KeyFiles__0"] = keyFile,
                ["ConnectionStrings__Default"] = "Host=127.0.0.1;Database=unused",
            });

            exitCode.ShouldNotBe(0);
            output.ShouldContain("Browser:CsrfKey is missing");
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task PasswordIterationsBelowTheFloor_RefuseToStart()
    {
        var (exitCode, output) = await WebAppProcess.RunAsync([], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Jwt__SigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray()),
            ["Passwords__Iterations"] = "100000",
            ["ConnectionStrings__Default"] = "Host=127.0.0.1;Database=unused",
        });

        exitCode.ShouldNotBe(0);
        output.ShouldContain("Passwords:Iterations must be at least 210,000");
    }

    [Theory]
    [InlineData("Passwords__Argon2__MemoryKiB", "16384", "Passwords:Argon2 (MemoryKiB 16384, Iterations 2) is below OWASP's minimum for Argon2id")]
    [InlineData("Passwords__Argon2__Iterations", "1", "Passwords:Argon2 (MemoryKiB 19456, Iterations 1) is below OWASP's minimum for Argon2id")]
    [InlineData("Passwords__Argon2__Parallelism", "4", "Passwords:Argon2:Parallelism must be 1")]
    [InlineData("Passwords__Algorithm", "bcrypt", "Passwords:Algorithm must be argon2id or pbkdf2")]
    [InlineData("Passwords__MaxConcurrentHashes", "0", "Passwords:MaxConcurrentHashes must be at least 1")]
    [InlineData("Passwords__MaxQueuedHashes", "-1", "Passwords:MaxQueuedHashes must not be negative")]
    public async Task PasswordHashingSettingOutOfBounds_RefusesToStart(string key, string value, string message)
    {
        var (exitCode, output) = await WebAppProcess.RunAsync([], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Jwt__SigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray()),
            [key] = value,
            ["ConnectionStrings__Default"] = "Host=127.0.0.1;Database=unused",
        });

        exitCode.ShouldNotBe(0);
        output.ShouldContain(message);
    }

    [Fact]
    public void Argon2AtAnotherOfOwaspsMinimumCosts_Starts()
    {
        using var factory = new StandaloneApiFactory("Production", new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 5 + 1)).ToArray()),
            ["ConnectionStrings:Default"] = "Host=127.0.0.1;Database=unused",
            ["Passwords:Argon2:MemoryKiB"] = "47104",
            ["Passwords:Argon2:Iterations"] = "1",
        });

        Should.NotThrow(() => factory.CreateClient());
    }

    [Fact]
    public void OutsideDevelopment_A256BitKey_Starts()
    {
        using var factory = new StandaloneApiFactory("Production", new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray()),
            ["ConnectionStrings:Default"] = "Host=127.0.0.1;Database=unused",
        });

        Should.NotThrow(() => factory.CreateClient());
    }

    [Fact]
    public void InDevelopment_WithoutKey_GeneratesOneOnFirstRunAndKeepsIt() =>
        ShouldGenerateADevelopmentKeyOnFirstRunAndKeepIt("Jwt:SigningKey", "Jwt:DevelopmentKeyFile");

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    public async Task ManagementPortOutOfRange_RefusesToStart(string port)
    {
        var (exitCode, output) = await WebAppProcess.RunAsync([], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Jwt__SigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 2)).ToArray()),
            ["Management__Port"] = port,
            ["ConnectionStrings__Default"] = "Host=127.0.0.1;Database=unused",
        });

        exitCode.ShouldNotBe(0);
        output.ShouldContain("Management:Port must be a TCP port");
    }

    [Theory]
    [InlineData("", "Mfa:EncryptionKey is missing")]
    [InlineData("c2hvcnQ=", "Mfa:EncryptionKey is 40 bits, too weak")]
    [InlineData("this is not base64!", "Mfa:EncryptionKey is not valid base64")]
    public async Task OutsideDevelopment_MissingOrWeakMfaKey_RefusesToStart(string key, string message)
    {
        var (exitCode, output) = await WebAppProcess.RunAsync([], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Jwt__SigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray()),
            ["Mfa__EncryptionKey"] = key,
            ["ConnectionStrings__Default"] = "Host=127.0.0.1;Database=unused",
        });

        exitCode.ShouldNotBe(0);
        output.ShouldContain(message);
        output.ShouldContain("Mfa__EncryptionKey");
    }

    [Fact]
    public async Task OutsideDevelopment_AWeakPreviousMfaKey_RefusesToStart()
    {
        var (exitCode, output) = await WebAppProcess.RunAsync([], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Jwt__SigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray()),
            ["Mfa__PreviousEncryptionKeys__0"] = "c2hvcnQ=",
            ["ConnectionStrings__Default"] = "Host=127.0.0.1;Database=unused",
        });

        exitCode.ShouldNotBe(0);
        output.ShouldContain("Mfa:PreviousEncryptionKeys:0 is 40 bits, too weak");
    }

    [Fact]
    public void InDevelopment_WithoutMfaKey_GeneratesOneOnFirstRunAndKeepsIt() =>
        ShouldGenerateADevelopmentKeyOnFirstRunAndKeepIt("Mfa:EncryptionKey", "Mfa:DevelopmentKeyFile");

    [Fact]
    public async Task NothingOutsideTheContract_IsServed()
    {
        using var factory = new StandaloneApiFactory("Production", new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 3)).ToArray()),
            ["ConnectionStrings:Default"] = "Host=127.0.0.1;Database=unused",
        });

        var response = await factory.CreateClient().GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Starts the app twice in Development without the key: the first start writes it to the file (0600), the second reads it back.</summary>
    private static void ShouldGenerateADevelopmentKeyOnFirstRunAndKeepIt(string keySetting, string keyFileSetting)
    {
        var keyFile = Path.Combine(Path.GetTempPath(), $"shopease-key-{Guid.NewGuid():N}", "development.key");
        try
        {
            string StartAndReadKey()
            {
                using var factory = new StandaloneApiFactory("Development", new Dictionary<string, string?>
                {
                    [keySetting] = "",
                    [keyFileSetting] = keyFile,
                    ["ConnectionStrings:Default"] = "Host=127.0.0.1;Database=unused",
                });
                factory.CreateClient();
                return File.ReadAllText(keyFile);
            }

            var first = StartAndReadKey();
            var second = StartAndReadKey();

            Convert.FromBase64String(first).Length.ShouldBeGreaterThanOrEqualTo(32);
            second.ShouldBe(first);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(keyFile)!, recursive: true);
        }
    }
}
