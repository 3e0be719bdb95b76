using System.Diagnostics;
using System.Net.Sockets;

namespace ShopEase.LoadGen;

/// <summary>
/// Runs a scenario for a warm-up and then a measured window. A request counts in the window when its
/// answer arrives inside it; its latency is the time from sending to the last byte of the body. At the
/// end of the window the users finish the request they are in (a refresh cut short would break a chain)
/// and stop.
/// </summary>
internal sealed class ScenarioRunner(CpuMeter cpu)
{
    private const int MaxFailureReports = 3;

    public async Task<SliceResult> RunAsync(Scenario scenario, TimeSpan warmUp, TimeSpan window)
    {
        var state = new WindowState();
        var users = new UserLog[scenario.Connections];
        var tasks = new Task[scenario.Connections];
        for (var vu = 0; vu < users.Length; vu++)
        {
            users[vu] = new UserLog();
            var log = users[vu];
            var index = vu;
            tasks[vu] = Task.Run(() => LoopAsync(scenario, index, state, log));
        }

        await Task.Delay(warmUp);
        var before = cpu.Take(scenario.ServerPid);
        state.Open(before.Timestamp);
        await Task.Delay(window);
        var after = cpu.Take(scenario.ServerPid);
        state.Close(after.Timestamp);
        await Task.WhenAll(tasks);

        var latencies = new List<long>(users.Sum(u => u.Latencies.Count));
        foreach (var user in users)
        {
            latencies.AddRange(user.Latencies);
        }

        return new SliceResult(
            latencies,
            Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp),
            users.Sum(u => u.Non2xx),
            users.Sum(u => u.Errors),
            CpuMeter.Between(before, after));
    }

    private static async Task LoopAsync(Scenario scenario, int vu, WindowState state, UserLog log)
    {
        while (!state.Closed)
        {
            var sent = Stopwatch.GetTimestamp();
            ApiResponse response;
            try
            {
                response = await scenario.Step(vu);
            }
            catch (ChainBrokenException)
            {
                // Its failure was counted when it happened; this user has no token left to send.
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException)
            {
                log.Errors++;
                if (log.Errors <= MaxFailureReports)
                {
                    await Console.Error.WriteLineAsync($"[bench] {scenario.Key} user {vu}: {ex.Message}");
                }

                await Task.Delay(50);
                continue;
            }

            var received = Stopwatch.GetTimestamp();
            if (!response.IsSuccess)
            {
                log.Non2xx++;
                if (log.Non2xx <= MaxFailureReports)
                {
                    await Console.Error.WriteLineAsync($"[bench] {scenario.Key} user {vu}: {response.Describe()}");
                }
            }

            if (state.Contains(received))
            {
                log.Latencies.Add(received - sent);
            }
        }
    }

    /// <summary>Failures are counted over warm-up and window alike: every one of them is a wrong answer.</summary>
    private sealed class UserLog
    {
        public List<long> Latencies { get; } = new(4096);

        public long Non2xx { get; set; }

        public long Errors { get; set; }
    }

    private sealed class WindowState
    {
        private long _opened = long.MaxValue;
        private long _closed = long.MaxValue;

        public bool Closed => Volatile.Read(ref _closed) != long.MaxValue;

        public void Open(long timestamp) => Volatile.Write(ref _opened, timestamp);

        public void Close(long timestamp) => Volatile.Write(ref _closed, timestamp);

        public bool Contains(long timestamp) => timestamp >= Volatile.Read(ref _opened) && timestamp <= Volatile.Read(ref _closed);
    }
}

/// <summary>One scenario's measured window: latencies in Stopwatch ticks.</summary>
internal sealed record SliceResult(List<long> Latencies, TimeSpan Window, long Non2xx, long Errors, CpuUse Cpu)
{
    public double Rps => Latencies.Count / Window.TotalSeconds;
}

/// <summary>A refresh chain cannot go on: its last token was not answered with a new one, and sending it again would be a replay.</summary>
internal sealed class ChainBrokenException(string message) : Exception(message);
