using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// The lockout with its default numbers (10 failures per 15 minutes) under parallel guessing: each guess
/// from an address of its own, so only the lockout stands between the guesser and the password hash.
/// </summary>
public sealed class LockoutConcurrencyTests(LockoutConcurrencyTests.DefaultLimitsApiFactory factory)
    : IClassFixture<LockoutConcurrencyTests.DefaultLimitsApiFactory>
{
    private const int DefaultLockoutFailures = 10;

    [Fact]
    public async Task ParallelWrongPasswordsForOneAccount_CheckAtMostTheLockoutNumber_TheRestGet429()
    {
        var client = factory.CreateApiClient();
        var email = ApiClientExtensions.UniqueEmail("guessed");
        (await SendFromAsync(client, "198.51.100.200", "/api/auth/register", new { email, password = ApiClientExtensions.DefaultPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var guesses = await Task.WhenAll(Enumerable.Range(1, 30).Select(i =>
            SendFromAsync(client, $"203.0.113.{i}", "/api/auth/login", new { email, password = $"guess number {i}" })));

        var statuses = guesses.Select(g => g.StatusCode).ToList();
        statuses.Count(s => s == HttpStatusCode.Unauthorized).ShouldBe(DefaultLockoutFailures, "each 401 is a password that was checked");
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(30 - DefaultLockoutFailures);
    }

    private static Task<HttpResponseMessage> SendFromAsync(HttpClient client, string ip, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(PeerAddressStartupFilter.Header, ip);
        return client.SendAsync(request);
    }

    /// <summary>Every limit on with its default numbers; the peer address comes from the test.</summary>
    public sealed class DefaultLimitsApiFactory : ShopEaseApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
        };

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddTransient<IStartupFilter, PeerAddressStartupFilter>();
    }
}
