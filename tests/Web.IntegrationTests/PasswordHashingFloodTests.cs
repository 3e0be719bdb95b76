using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ShopEase.Infrastructure.Security;
using ShopEase.Web.IntegrationTests.Support;

namespace ShopEase.Web.IntegrationTests;

/// <summary>
/// A tiny hashing gate (one hash at a time, one waiting) under a flood of sign-ups and logins: the rest
/// are answered 503 with Retry-After at once, and never does a second hash run beside the first.
/// </summary>
public sealed class PasswordHashingFloodTests(PasswordHashingFloodTests.TinyGateApiFactory factory)
    : IClassFixture<PasswordHashingFloodTests.TinyGateApiFactory>
{
    private const int Flood = 24;

    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task SignUpFlood_PastTheQueue_Gets503WithRetryAfter_AndNeverRunsTwoHashesAtOnce()
    {
        using var hashes = new RunningHashes(factory);

        var responses = await Task.WhenAll(Enumerable.Range(0, Flood).Select(_ =>
            _client.PostJsonAsync("/api/auth/register", new { email = ApiClientExtensions.UniqueEmail(), password = ApiClientExtensions.DefaultPassword })));

        await ShouldBeServedOrRefusedAsync(responses, HttpStatusCode.Created);
        hashes.Peak.ShouldBe(1);
    }

    [Fact]
    public async Task LoginFlood_PastTheQueue_Gets503WithRetryAfter_AndNeverRunsTwoHashesAtOnce()
    {
        var email = (await _client.RegisterAsync()).User.Email;
        using var hashes = new RunningHashes(factory);

        var responses = await Task.WhenAll(Enumerable.Range(0, Flood).Select(_ =>
            _client.PostJsonAsync("/api/auth/login", new { email, password = ApiClientExtensions.DefaultPassword })));

        await ShouldBeServedOrRefusedAsync(responses, HttpStatusCode.OK);
        hashes.Peak.ShouldBe(1);
    }

    private static async Task ShouldBeServedOrRefusedAsync(HttpResponseMessage[] responses, HttpStatusCode served)
    {
        responses.Select(r => r.StatusCode).Distinct().Order().ShouldBe([served, HttpStatusCode.ServiceUnavailable]);
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable))
        {
            refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
            (await refused.ReadProblemAsync()).Code.ShouldBe("service_unavailable");
        }
    }

    public sealed class TinyGateApiFactory : ShopEaseApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Passwords:MaxConcurrentHashes"] = "1",
            ["Passwords:MaxQueuedHashes"] = "1",
        };
    }

    /// <summary>The most hashes this app's gate reported running at once, from its own meter.</summary>
    private sealed class RunningHashes : IDisposable
    {
        private readonly MeterListener _listener = new();
        private int _running;
        private int _peak;

        public RunningHashes(ShopEaseApiFactory factory)
        {
            var meters = factory.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Meter.Name == PasswordHashingGate.MeterName
                    && instrument.Name == "shopease.password_hashing.running")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((_, change, _, _) =>
            {
                var now = Interlocked.Add(ref _running, change);
                for (var peak = Volatile.Read(ref _peak); now > peak; peak = Volatile.Read(ref _peak))
                {
                    Interlocked.CompareExchange(ref _peak, now, peak);
                }
            });
            _listener.Start();
        }

        public int Peak => Volatile.Read(ref _peak);

        public void Dispose() => _listener.Dispose();
    }
}
