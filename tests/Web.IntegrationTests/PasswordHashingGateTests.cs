using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopEase.Application.Common.Exceptions;
using ShopEase.Infrastructure.Security;

namespace ShopEase.Web.IntegrationTests;

/// <summary>The hashing gate on its own: how many run, how many wait, who is refused. No app, no database.</summary>
public sealed class PasswordHashingGateTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ManualResetEventSlim _release = new();
    private int _running;
    private int _started;

    [Fact]
    public async Task RunAsync_BeyondTheLimit_WaitsUntilAPlaceIsFree()
    {
        using var gate = CreateGate(maxConcurrentHashes: 2, maxQueuedHashes: 10);

        var hashes = Enumerable.Range(0, 3).Select(_ => Task.Run(() => gate.RunAsync(BlockingHash, CancellationToken.None).AsTask())).ToArray();
        await RunningAsync(2);
        await Task.Delay(200);

        Volatile.Read(ref _started).ShouldBe(2);
        _release.Set();
        (await Task.WhenAll(hashes)).ShouldBe([1, 1, 1]);
        _started.ShouldBe(3);
    }

    [Fact]
    public async Task RunAsync_WithEveryPlaceTakenAndTheQueueFull_IsRefusedAtOnceWithRetryAfter()
    {
        using var gate = CreateGate(maxConcurrentHashes: 1, maxQueuedHashes: 1);
        var running = Task.Run(() => gate.RunAsync(BlockingHash, CancellationToken.None).AsTask());
        await RunningAsync(1);
        var queued = gate.RunAsync(() => 2, CancellationToken.None).AsTask();

        var refused = await Should.ThrowAsync<ServiceBusyException>(() => gate.RunAsync(() => 3, CancellationToken.None).AsTask());

        refused.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
        queued.IsCompleted.ShouldBeFalse();
        _release.Set();
        (await running).ShouldBe(1);
        (await queued).ShouldBe(2);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaiting_NeverHashesAndFreesItsPlaceInTheQueue()
    {
        using var gate = CreateGate(maxConcurrentHashes: 1, maxQueuedHashes: 1);
        var running = Task.Run(() => gate.RunAsync(BlockingHash, CancellationToken.None).AsTask());
        await RunningAsync(1);
        using var cancel = new CancellationTokenSource();
        var cancelledRan = false;
        var cancelled = gate.RunAsync(() => cancelledRan = true, cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => cancelled);
        var next = gate.RunAsync(() => 4, CancellationToken.None).AsTask();

        _release.Set();
        (await running).ShouldBe(1);
        (await next).ShouldBe(4);
        cancelledRan.ShouldBeFalse();
    }

    [Fact]
    public async Task RunAsync_WhenTheHashThrows_GivesItsPlaceBack()
    {
        using var gate = CreateGate(maxConcurrentHashes: 1, maxQueuedHashes: 0);

        await Should.ThrowAsync<InvalidOperationException>(() => gate.RunAsync<int>(() => throw new InvalidOperationException(), CancellationToken.None).AsTask());

        (await gate.RunAsync(() => 5, CancellationToken.None)).ShouldBe(5);
    }

    public void Dispose()
    {
        _release.Set();
        _release.Dispose();
        _services.Dispose();
    }

    private PasswordHashingGate CreateGate(int maxConcurrentHashes, int maxQueuedHashes) =>
        new(Options.Create(new PasswordHashingOptions { MaxConcurrentHashes = maxConcurrentHashes, MaxQueuedHashes = maxQueuedHashes }),
            _services.GetRequiredService<IMeterFactory>());

    private async Task RunningAsync(int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref _running) != count)
        {
            waited.Elapsed.ShouldBeLessThan(Patience, $"{count} hash(es) should be running");
            await Task.Delay(10);
        }
    }

    private int BlockingHash()
    {
        Interlocked.Increment(ref _started);
        Interlocked.Increment(ref _running);
        try
        {
            _release.Wait(Patience).ShouldBeTrue();
            return 1;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
