using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;
using ShopEase.Web.IntegrationTests.Support.OpenApi;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// A database slower than the deadline, and SIGTERM during a request: a row lock held by the test
/// makes a login wait inside PostgreSQL for as long as the test wants.
/// </summary>
public sealed class SlowDatabaseAndShutdownTests(SlowDatabaseAndShutdownTests.ShortDeadlineApiFactory factory)
    : IClassFixture<SlowDatabaseAndShutdownTests.ShortDeadlineApiFactory>
{
    [Fact]
    public async Task RequestStuckInTheDatabasePastTheDeadline_Gets503WithinIt()
    {
        // Set up through a patient node, so a busy machine cannot turn the sign-up itself into a 503.
        using var patientNode = new PeerNodeApiFactory(factory, new Dictionary<string, string?> { ["Database:Timeout"] = "00:00:30" });
        var user = await patientNode.CreateApiClient().RegisterAsync();
        await using var lockHolder = await LockRowAsync(factory.ConnectionString, "sessions", user.User.Id, "user_id");

        // Warm up first (the client's OpenAPI document, the node's first authenticated request): only the stuck request is timed.
        var client = factory.CreateApiClient();
        (await client.GetMeAsync(user.Access)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // logout-all must UPDATE the locked session row: it waits inside PostgreSQL, hashing nothing.
        var clock = Stopwatch.StartNew();
        var response = await client.PostJsonAsync("/api/auth/logout-all", new { }, user.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.ReadProblemAsync()).Code.ShouldBe("service_unavailable");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2) + TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task Sigterm_LetsTheRequestInFlightFinish_ThenExitsZero()
    {
        var port = LoopbackPort.Free();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient(new OpenApiConformanceHandler(OpenApiContractSource.At(baseAddress)) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        using var app = StartApp(port);
        try
        {
            await WaitUntilLiveAsync(http);
            var user = await http.RegisterAsync();
            var transaction = await LockRowAsync(factory.ConnectionString, "users", user.User.Id, "id");

            var login = http.PostJsonAsync("/api/auth/login", new { email = user.User.Email, password = ApiClientExtensions.DefaultPassword });
            await Task.Delay(1000);
            Process.Start("kill", ["-TERM", app.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await Task.Delay(500);
            app.HasExited.ShouldBeFalse("it waits for the request in flight");
            await transaction.DisposeAsync();

            (await login).StatusCode.ShouldBe(HttpStatusCode.OK);
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await app.WaitForExitAsync(exited.Token);
            app.ExitCode.ShouldBe(0);
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Holds <c>SELECT ... FOR UPDATE</c> on the rows of one user until disposed.</summary>
    private static Task<DatabaseLocks> LockRowAsync(string connectionString, string table, string userId, string column) =>
        DatabaseLocks.HoldAsync(connectionString, $"SELECT 1 FROM {table} WHERE {column} = @id FOR UPDATE", ("id", Guid.Parse(userId)));

    private Process StartApp(int port)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Default"] = factory.ConnectionString;
        start.Environment["Jwt__SigningKey"] = factory.SigningKey;
        start.Environment["Mfa__EncryptionKey"] = factory.MfaEncryptionKey;
        start.Environment["RateLimiting__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilLiveAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                if ((await http.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The app did not start.");
    }

    public sealed class ShortDeadlineApiFactory : ShopEaseApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Timeout"] = "00:00:02",
        };
    }
}
