using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// Forgot password and verification re-send: 5 per account per hour (the default) and a per-IP limit.
/// Past either, forgot still answers 202 and sends nothing more; re-send answers 429.
/// </summary>
public sealed class EmailRateLimitTests(EmailRateLimitTests.LimitedApiFactory factory) : IClassFixture<EmailRateLimitTests.LimitedApiFactory>
{
    private const int PerAccount = 5;
    private const int PerIp = 3;

    private readonly HttpClient _client = factory.CreateApiClient();
    private int _nextPeer;

    [Fact]
    public async Task Forgot_PastFivePerAccount_StillAnswers202_ButMailsNoMore()
    {
        var email = await RegisterAsync();

        for (var i = 0; i < PerAccount + 2; i++)
        {
            await (await PostFromAsync(NextPeer(), "/api/auth/password/forgot", new { email })).ShouldBeAcceptedAsync();
        }

        await factory.ResetRequestsResolvedAsync();
        (await factory.OutboxCountAsync(email)).ShouldBe(1 + PerAccount, "the sign-up's verification mail and five reset mails");
    }

    [Fact]
    public async Task Forgot_PastFivePerAccount_CountsEmailsWithoutAnAccountToo()
    {
        var ghost = ApiClientExtensions.UniqueEmail("ghost");

        for (var i = 0; i < PerAccount + 2; i++)
        {
            await (await PostFromAsync(NextPeer(), "/api/auth/password/forgot", new { email = ghost })).ShouldBeAcceptedAsync();
        }

        factory.Logs.Entries.Count(e => e.EventId.Id == 3015).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Forgot_PastThePerIpLimit_StillAnswers202WithAnEmptyObject()
    {
        var peer = NextPeer();
        for (var i = 0; i < PerIp; i++)
        {
            await (await PostFromAsync(peer, "/api/auth/password/forgot", new { email = ApiClientExtensions.UniqueEmail() })).ShouldBeAcceptedAsync();
        }

        var limited = await PostFromAsync(peer, "/api/auth/password/forgot", new { email = ApiClientExtensions.UniqueEmail() });

        await limited.ShouldBeAcceptedAsync();
        limited.Headers.Contains("Retry-After").ShouldBeFalse();
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public async Task Resend_PastFivePerAccount_Is429WithRetryAfter()
    {
        var session = await RegisterAndLoginAsync();
        for (var i = 0; i < PerAccount; i++)
        {
            await (await PostFromAsync(NextPeer(), "/api/auth/email/verify/resend", new { }, session.Access)).ShouldBeAcceptedAsync();
        }

        var limited = await PostFromAsync(NextPeer(), "/api/auth/email/verify/resend", new { }, session.Access);

        await ShouldBeRateLimitedAsync(limited);
    }

    [Fact]
    public async Task Resend_PastThePerIpLimit_Is429()
    {
        var peer = NextPeer();
        for (var i = 0; i < PerIp; i++)
        {
            var session = await RegisterAndLoginAsync();
            await (await PostFromAsync(peer, "/api/auth/email/verify/resend", new { }, session.Access)).ShouldBeAcceptedAsync();
        }

        var other = await RegisterAndLoginAsync();
        var limited = await PostFromAsync(peer, "/api/auth/email/verify/resend", new { }, other.Access);

        await ShouldBeRateLimitedAsync(limited);
    }

    [Fact]
    public async Task ChangeEmail_PastFivePerAccount_Is429_EvenWithTheRightPassword()
    {
        var session = await RegisterAndLoginAsync();
        for (var i = 0; i < PerAccount; i++)
        {
            await PostFromAsync(NextPeer(), "/api/auth/email", new { newEmail = ApiClientExtensions.UniqueEmail(), password = "wrong guess" }, session.Access);
        }

        var limited = await PostFromAsync(
            NextPeer(), "/api/auth/email", new { newEmail = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword }, session.Access);

        await ShouldBeRateLimitedAsync(limited);
    }

    private static async Task ShouldBeRateLimitedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        (await response.ReadProblemAsync()).Code.ShouldBe("rate_limited");
    }

    private string NextPeer() => $"198.51.{100 + (Interlocked.Increment(ref _nextPeer) / 250)}.{Interlocked.Increment(ref _nextPeer) % 250}";

    private async Task<string> RegisterAsync()
    {
        var email = ApiClientExtensions.UniqueEmail();
        (await PostFromAsync(NextPeer(), "/api/auth/register", new { email, password = ApiClientExtensions.DefaultPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        return email;
    }

    private async Task<AuthBody> RegisterAndLoginAsync()
    {
        var response = await PostFromAsync(
            NextPeer(), "/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<AuthBody>())!;
    }

    private Task<HttpResponseMessage> PostFromAsync(string ip, string path, object body, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(PeerAddressStartupFilter.Header, ip);
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return _client.SendAsync(request);
    }

    public sealed class LimitedApiFactory : EmailApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:EmailPerIpPerHour"] = PerIp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        protected override void ConfigureServices(IServiceCollection services)
        {
            base.ConfigureServices(services);
            services.AddTransient<IStartupFilter, PeerAddressStartupFilter>();
        }
    }
}
