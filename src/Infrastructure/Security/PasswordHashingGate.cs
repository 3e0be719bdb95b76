using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using ShopEase.Application.Common.Exceptions;

namespace ShopEase.Infrastructure.Security;

/// <summary>
/// Rations password hashing: at most <c>Passwords:MaxConcurrentHashes</c> hashes run at once (so at most
/// that many Argon2id memory blocks exist), and at most <c>Passwords:MaxQueuedHashes</c> more wait for a
/// place, asynchronously, holding no thread and no hashing memory. Anything past that is refused at once
/// with <see cref="ServiceBusyException"/> (503), instead of piling up.
/// </summary>
internal sealed class PasswordHashingGate : IDisposable
{
    public const string MeterName = Metrics.Telemetry.PasswordHashingMeterName;

    /// <summary>A full queue drains within about a second at the default cost.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _places;
    private readonly int _capacity;
    private readonly UpDownCounter<int> _running;
    private readonly UpDownCounter<int> _waiting;
    private readonly Counter<long> _refused;
    private int _admitted;

    public PasswordHashingGate(IOptions<PasswordHashingOptions> options, IMeterFactory meterFactory)
    {
        var settings = options.Value;
        _places = new SemaphoreSlim(settings.MaxConcurrentHashes, settings.MaxConcurrentHashes);
        _capacity = settings.MaxConcurrentHashes + settings.MaxQueuedHashes;
        var meter = meterFactory.Create(MeterName);
        _running = meter.CreateUpDownCounter<int>("shopease.password_hashing.running", "{hash}", "Password hashes running now.");
        _waiting = meter.CreateUpDownCounter<int>("shopease.password_hashing.waiting", "{hash}", "Password hashes waiting for a place.");
        _refused = meter.CreateCounter<long>("shopease.password_hashing.refused", "{hash}", "Password hashes refused because the queue was full.");

        // A scrape shows the gauges at 0 from the start, not only after the first hash or the first wait.
        _running.Add(0);
        _waiting.Add(0);
    }

    /// <summary>Runs <paramref name="hash"/> on the calling thread once a place is free.</summary>
    public async ValueTask<T> RunAsync<T>(Func<T> hash, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _admitted) > _capacity)
        {
            Interlocked.Decrement(ref _admitted);
            _refused.Add(1);
            throw new ServiceBusyException(RetryAfter);
        }

        try
        {
            if (!_places.Wait(0, CancellationToken.None))
            {
                _waiting.Add(1);
                try
                {
                    await _places.WaitAsync(cancellationToken);
                }
                finally
                {
                    _waiting.Add(-1);
                }
            }

            try
            {
                _running.Add(1);
                try
                {
                    return hash();
                }
                finally
                {
                    _running.Add(-1);
                }
            }
            finally
            {
                _places.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _admitted);
        }
    }

    public void Dispose() => _places.Dispose();
}
