using System.Diagnostics;
using System.Globalization;

namespace ShopEase.LoadGen;

/// <summary>
/// CPU time, read from /proc, of the three parties of a scenario: this load generator, the API process
/// under test, and PostgreSQL (the postmaster and its backends); plus the whole machine, so that what
/// everybody else ran meanwhile shows too. Without /proc every figure is zero.
/// </summary>
internal sealed class CpuMeter(int postgresPid)
{
    // USER_HZ: the unit of /proc/*/stat and /proc/stat, 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public CpuSample Take(int serverPid) => new(
        Stopwatch.GetTimestamp(),
        ProcessSeconds(Environment.ProcessId),
        ProcessSeconds(serverPid),
        PostgresSeconds(),
        MachineBusySeconds());

    public static CpuUse Between(CpuSample before, CpuSample after)
    {
        var wall = Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp).TotalSeconds;
        var client = (after.Client - before.Client) / wall;
        var server = (after.Server - before.Server) / wall;
        var postgres = (after.Postgres - before.Postgres) / wall;
        var machine = (after.MachineBusy - before.MachineBusy) / wall;
        return new CpuUse(server, client, postgres, Math.Max(0, machine - client - server - postgres));
    }

    /// <summary>utime + stime of one process, in seconds; 0 when it is gone.</summary>
    public static double ProcessSeconds(int pid)
    {
        var fields = StatFields(pid);
        return fields is null ? 0 : (Field(fields, 14) + Field(fields, 15)) / TicksPerSecond;
    }

    /// <summary>VmRSS (or another field such as VmHWM) of /proc/PID/status, in MiB.</summary>
    public static double? StatusMib(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var kib = line[(field.Length + 1)..].Trim().Split(' ')[0];
                    return long.Parse(kib, CultureInfo.InvariantCulture) / 1024.0;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    private double PostgresSeconds()
    {
        if (postgresPid <= 0 || !Directory.Exists("/proc"))
        {
            return 0;
        }

        // The postmaster's own time plus what its exited children used (cutime, cstime: a backend that
        // ends, e.g. when the pool prunes a connection, is added there when reaped), plus the live ones.
        var postmaster = StatFields(postgresPid);
        var total = postmaster is null ? 0 : (Field(postmaster, 14) + Field(postmaster, 15) + Field(postmaster, 16) + Field(postmaster, 17)) / TicksPerSecond;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && StatFields(pid) is { } fields && Field(fields, 4) == postgresPid)
            {
                total += (Field(fields, 14) + Field(fields, 15)) / TicksPerSecond;
            }
        }

        return total;
    }

    private static double MachineBusySeconds()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);

            // user nice system idle iowait irq softirq steal: busy is everything but idle and iowait.
            long total = 0;
            for (var i = 1; i <= 8 && i < cpu.Length; i++)
            {
                total += long.Parse(cpu[i], CultureInfo.InvariantCulture);
            }

            var idle = long.Parse(cpu[4], CultureInfo.InvariantCulture) + long.Parse(cpu[5], CultureInfo.InvariantCulture);
            return (total - idle) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The fields of /proc/PID/stat after "pid (comm)", numbered as in proc(5) (state is field 3).</summary>
    private static string[]? StatFields(int pid)
    {
        if (pid <= 0)
        {
            return null;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Field(string[] afterComm, int number) =>
        long.Parse(afterComm[number - 3], CultureInfo.InvariantCulture);
}

internal readonly record struct CpuSample(long Timestamp, double Client, double Server, double Postgres, double MachineBusy);

/// <summary>CPU use during a window, in cores (2.0 = both cores of this machine busy the whole time).</summary>
internal readonly record struct CpuUse(double Server, double Client, double Postgres, double Other);
