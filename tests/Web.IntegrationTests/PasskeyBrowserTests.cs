using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;
using Microsoft.Playwright;
using ShopEase.Web.IntegrationTests.Support;
using Xunit.Abstractions;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// The example page examples/passkeys.html in a real browser: Debian's headless Chromium driven by
/// Playwright, with a virtual platform authenticator from the DevTools Protocol's WebAuthn domain.
/// The API runs as a process, the page is served from its own origin (http://localhost:port), and
/// the page does what a person does: sign up, add a passkey, sign out, sign in with the passkey.
/// </summary>
public sealed class PasskeyBrowserTests(ShopEaseApiFactory database, ITestOutputHelper output) : IClassFixture<ShopEaseApiFactory>
{
    private static readonly string Chromium = Environment.GetEnvironmentVariable("SHOPEASE_CHROMIUM") ?? "/usr/bin/chromium";

    [Fact]
    public async Task ExamplePage_SignsUpAddsAPasskeySignsOutAndSignsInWithIt()
    {
        File.Exists(Chromium).ShouldBeTrue($"{Chromium} is missing: scripts/test.sh installs Debian's chromium (apt-get install chromium)");
        var pagePort = LoopbackPort.Free();
        var pageOrigin = $"http://localhost:{pagePort}";
        await using var api = await ApiNodeProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Default"] = database.ConnectionString,
            ["Jwt__SigningKey"] = database.SigningKey,
            ["Mfa__EncryptionKey"] = database.MfaEncryptionKey,
            ["RateLimiting__Enabled"] = "false",
            ["Passkeys__RpId"] = "localhost",
            ["Passkeys__Origins__0"] = pageOrigin,
            ["Cors__AllowedOrigins__0"] = pageOrigin,
        });
        await using var pageServer = await ServeExamplesAsync(pagePort);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Chromium's sandbox cannot start as root (CI runs as root).
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        });
        var page = await browser.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"console.{message.Type}: {message.Text}");
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        var authenticator = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        var authenticatorId = authenticator!.Value.GetProperty("authenticatorId").GetString()!;
        var email = ApiClientExtensions.UniqueEmail("browser");

        await page.GotoAsync($"{pageOrigin}/passkeys.html?api=http://localhost:{api.Port}");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", ApiClientExtensions.DefaultPassword);
        try
        {
            await StepAsync(page, "signup", "sign up", "201, signed up and signed in");
            await StepAsync(page, "add-passkey", "add passkey", "201, passkey \"This browser\" registered");
            await StepAsync(page, "logout", "sign out", "205, signed out");
            await StepAsync(page, "me", "who am I", "failed: ApiProblem: 401 not_authenticated");
            await StepAsync(page, "passkey-login", "passkey sign-in", "200, signed in with a passkey");
            await StepAsync(page, "me", "who am I", $"200, {email}");
            await StepAsync(page, "list-passkeys", "list passkeys", "200, 1 passkey(s): This browser");
        }
        finally
        {
            var printed = await page.InnerTextAsync("#output");
            output.WriteLine($"Chromium {browser.Version}; the page printed (newest first):\n{printed}");
            output.WriteLine(string.Join('\n', console));
        }

        var credentials = (await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId }))!
            .Value.GetProperty("credentials").EnumerateArray().ToList();
        var credential = credentials.ShouldHaveSingleItem();
        credential.GetProperty("isResidentCredential").GetBoolean().ShouldBeTrue();
        credential.GetProperty("rpId").GetString().ShouldBe("localhost");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"virtual authenticator: 1 resident credential for rpId localhost, signCount {credential.GetProperty("signCount").GetInt32()}"));
    }

    /// <summary>Clicks a button and waits for the page's line about it; that line must say what is expected.</summary>
    private static async Task StepAsync(IPage page, string button, string label, string expected)
    {
        var before = await page.Locator("#output").InnerTextAsync();
        await page.ClickAsync($"#{button}");
        await page.WaitForFunctionAsync(
            "([before]) => document.getElementById('output').textContent !== before",
            new object[] { before },
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        var line = (await page.Locator("#output").InnerTextAsync()).Split('\n')[0];
        line.ShouldStartWith(label);
        line.ShouldContain(expected);
    }

    /// <summary>examples/ as static files on http://127.0.0.1:port (the page is opened as http://localhost:port).</summary>
    private static async Task<WebApplication> ServeExamplesAsync(int port)
    {
        var examples = Path.Combine(ExternalCommand.RepositoryRoot(), "examples");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = examples, WebRootPath = examples });
        var app = builder.Build();
        app.Urls.Add($"http://127.0.0.1:{port}");
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(examples) });
        await app.StartAsync();
        return app;
    }
}
