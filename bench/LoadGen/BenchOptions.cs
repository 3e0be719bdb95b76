using System.Globalization;

namespace ShopEase.LoadGen;

/// <summary>What bench/run.sh tells the load generator: where the two API processes listen, their pids, and the run's length.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Usage: ShopEase.LoadGen --api URL --api-no-check URL --api-pid PID --api-no-check-pid PID
                                --postgres-pid PID --startup-ms MS --startup-ms-no-check MS --out FILE [--quick]

        --api               the API as production runs it (revocation check on)
        --api-no-check      a second API process on the same database with Revocation__CheckEnabled=false
        --postgres-pid      the postmaster, to account the CPU of its backends
        --startup-ms        process start to the first 200 on /health/live, measured by bench/run.sh
        --quick             one short round instead of three, shorter warm-ups (about two minutes in all)
        """;

    public required Uri Api { get; init; }

    public required Uri ApiNoRevocationCheck { get; init; }

    public required int ApiPid { get; init; }

    public required int ApiNoRevocationCheckPid { get; init; }

    public required int PostgresPid { get; init; }

    public required double StartupMs { get; init; }

    public required double StartupMsNoRevocationCheck { get; init; }

    public required string OutputPath { get; init; }

    public bool Quick { get; init; }

    /// <summary>Scenarios run interleaved, round after round, so that a burst of other work on the machine hits them all alike.</summary>
    public int Rounds => Quick ? 1 : 3;

    public TimeSpan Slice => TimeSpan.FromSeconds(Quick ? 4 : 10);

    public static TimeSpan SliceWarmUp => TimeSpan.FromSeconds(1);

    /// <summary>
    /// Once per scenario before the first round, for the connection pools and the JIT: its background tiering
    /// (tier 0, instrumented, optimized) needs about ten seconds of traffic on a route, and until then a request
    /// costs the API two to three times the CPU. The hash-bound routes are slow enough to need less.
    /// </summary>
    public TimeSpan InitialWarmUp(Scenario scenario) =>
        TimeSpan.FromSeconds(scenario.HashBound ? (Quick ? 3 : 5) : (Quick ? 8 : 15));

    /// <summary>Fast routes: enough to keep two cores busy, few enough that p99 &lt; 50 ms is a fair target.</summary>
    public static int FastConnections => 16;

    /// <summary>
    /// Hash-bound routes: two requests per core. The API hashes at most one per core at a time (its hashing
    /// gate), so the second one waits there, or talks to PostgreSQL while the first hashes, and no core
    /// idles between hashes.
    /// </summary>
    public static int HashConnections => 2 * Environment.ProcessorCount;

    public int SequentialHashes => Quick ? 4 : 8;

    public TimeSpan ParallelHashTime => TimeSpan.FromSeconds(Quick ? 2 : 4);

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var quick = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--quick")
            {
                quick = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }
        }

        return new BenchOptions
        {
            Api = new Uri(Required(values, "--api")),
            ApiNoRevocationCheck = new Uri(Required(values, "--api-no-check")),
            ApiPid = int.Parse(Required(values, "--api-pid"), CultureInfo.InvariantCulture),
            ApiNoRevocationCheckPid = int.Parse(Required(values, "--api-no-check-pid"), CultureInfo.InvariantCulture),
            PostgresPid = int.Parse(Required(values, "--postgres-pid"), CultureInfo.InvariantCulture),
            StartupMs = double.Parse(Required(values, "--startup-ms"), CultureInfo.InvariantCulture),
            StartupMsNoRevocationCheck = double.Parse(Required(values, "--startup-ms-no-check"), CultureInfo.InvariantCulture),
            OutputPath = Required(values, "--out"),
            Quick = quick,
        };
    }

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required");
}
