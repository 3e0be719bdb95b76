using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>The operator's <c>create-admin</c> command, run as the real process an operator would start.</summary>
public sealed class CreateAdminCommandTests(ShopEaseApiFactory factory) : IClassFixture<ShopEaseApiFactory>
{
    [Fact]
    public async Task CreateAdmin_WithPasswordOnStdin_MakesAStaffAccountThatCanLogIn()
    {
        var email = ApiClientExtensions.UniqueEmail("admin");

        var (exitCode, output) = await RunAsync(["create-admin", "--email", email], "an admin passphrase");

        exitCode.ShouldBe(0, output);
        output.ShouldNotContain("an admin passphrase");
        var client = factory.CreateApiClient();
        var login = await client.LoginAsync(email, "an admin passphrase");
        var me = await (await client.GetMeAsync(login.Access)).Content.ReadFromJsonAsync<MeBody>();
        me!.IsStaff.ShouldBeTrue();
    }

    [Fact]
    public async Task CreateAdmin_WithTooShortPassword_FailsAndSaysWhy()
    {
        var (exitCode, output) = await RunAsync(["create-admin", "--email", ApiClientExtensions.UniqueEmail("admin")], "short");

        exitCode.ShouldBe(1);
        output.ShouldContain("password: Password must be at least 8 characters.");
    }

    [Fact]
    public async Task CreateAdmin_WithoutEmail_PrintsUsage()
    {
        var (exitCode, output) = await RunAsync(["create-admin"], "an admin passphrase");

        exitCode.ShouldBe(2);
        output.ShouldContain("Usage: create-admin --email");
    }

    [Fact]
    public async Task JsonLogging_WritesOneJsonObjectPerLogLine()
    {
        var (exitCode, output) = await WebAppProcess.RunAsync(["migrate"], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__Default"] = factory.ConnectionString,
            ["Jwt__SigningKey"] = factory.SigningKey,
            ["Logging__Format"] = "json",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Information",
        });

        exitCode.ShouldBe(0, output);
        var logLines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .ToList();
        logLines.ShouldNotBeEmpty();
        foreach (var line in logLines)
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            json.RootElement.TryGetProperty("EventId", out _).ShouldBeTrue();
            json.RootElement.TryGetProperty("Category", out _).ShouldBeTrue();
        }
    }

    private Task<(int ExitCode, string Output)> RunAsync(string[] args, string stdin) =>
        WebAppProcess.RunAsync(args, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__Default"] = factory.ConnectionString,
            ["Jwt__SigningKey"] = factory.SigningKey,
        }, stdin);
}
