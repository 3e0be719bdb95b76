namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>Runs the built web app as the separate process an operator would start.</summary>
public static class WebAppProcess
{
    public static Task<(int ExitCode, string Output)> RunAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string? stdin = null)
    {
        var settings = new Dictionary<string, string>
        {
            // Never on a real port: a process that did start must not collide with anything.
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Logging__LogLevel__Default"] = "Warning",

            // Required outside Development; a test of that key sets its own.
            ["Mfa__EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        return ExternalCommand.RunAsync(
            "dotnet", [typeof(Program).Assembly.Location, .. args], TimeSpan.FromMinutes(2), settings, stdin);
    }
}
