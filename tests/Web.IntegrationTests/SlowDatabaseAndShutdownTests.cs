using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ShopEase.Web.IntegrationTests.Support;

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

        // logout-all must UPDATE the locked session row: it waits inside PostgreSQL, hashing nothing.
        var clock = Stopwatch.StartNew();
        var response = await factory.CreateApiClient().PostJsonAsync("/api/auth/logout-all", new { }, user.Access);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.ReadProblemAsync()).Code.ShouldBe("service_unavailable");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2) + TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task Sigterm_LetsTheRequestInFlightFinish_ThenExitsZero()
    {
        await using var app = await WebAppServer.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__Default"] = factory.ConnectionString,
            ["Jwt__SigningKey"] = factory.SigningKey,
            ["RateLimiting__Enabled"] = "false",
        });
        using var http = app.CreateClient();
        var user = await http.RegisterAsync();
        var transaction = await LockRowAsync(factory.ConnectionString, "users", user.User.Id, "id");

        var login = http.PostJsonAsync("/api/auth/login", new { email = user.User.Email, password = ApiClientExtensions.DefaultPassword });
        await Task.Delay(1000);
        Process.Start("kill", ["-TERM", app.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        await Task.Delay(500);
        app.Process.HasExited.ShouldBeFalse("it waits for the request in flight");
        await transaction.DisposeAsync();

        (await login).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await app.Process.WaitForExitAsync(exited.Token);
        app.Process.ExitCode.ShouldBe(0);
    }

    /// <summary>Holds <c>SELECT ... FOR UPDATE</c> on the rows of one user until disposed.</summary>
    private static Task<DatabaseLocks> LockRowAsync(string connectionString, string table, string userId, string column) =>
        DatabaseLocks.HoldAsync(connectionString, $"SELECT 1 FROM {table} WHERE {column} = @id FOR UPDATE", ("id", Guid.Parse(userId)));

    public sealed class ShortDeadlineApiFactory : ShopEaseApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Timeout"] = "00:00:02",
        };
    }
}
