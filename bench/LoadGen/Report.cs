using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShopEase.LoadGen;

/// <summary>The table, the targets (ratios within this one run) and bench/results/latest.json.</summary>
internal sealed class Report
{
    private const double P99LimitMs = 50;
    private const double RssLimitMib = 150;
    private const double StartupLimitMs = 1500;
    private const double LoginP99LimitInHashes = 4;

    private readonly BenchOptions _options;
    private readonly Dictionary<string, ScenarioTotals> _scenarios;
    private readonly HashCeiling _ceiling;
    private readonly IReadOnlyList<HashSample> _hashes;

    public Report(BenchOptions options, IReadOnlyList<ScenarioTotals> scenarios, HashCeiling ceiling, IReadOnlyList<HashSample> hashes)
    {
        _options = options;
        _scenarios = scenarios.ToDictionary(s => s.Scenario.Key, StringComparer.Ordinal);
        _ceiling = ceiling;
        _hashes = hashes;
        foreach (var s in scenarios)
        {
            s.Latencies.Sort();
        }
    }

    public double? RssMib { get; init; }

    public double? PeakRssMib { get; init; }

    public double? RssMibNoRevocationCheck { get; init; }

    public bool AllAnswered => _scenarios.Values.All(s => s.Non2xx == 0 && s.Errors == 0);

    private double HealthRps => _scenarios["health"].Rps;

    private double HashMs => _hashes.Average(h => h.MsPerHash);

    private double HashesPerSecond => _hashes.Average(h => h.HashesPerSecond);

    /// <summary>What the revocation check costs: the share of /me throughput lost with it on.</summary>
    private double RevocationCheckCost => 1 - (_scenarios["me"].Rps / _scenarios["me_no_revocation_check"].Rps);

    public void Print(TextWriter output)
    {
        var mode = _options.Quick ? "quick" : "full";
        output.WriteLine();
        output.WriteLine(Invariant($"ShopEase load benchmark ({mode}: {_options.Rounds} round(s) x {_options.Slice.TotalSeconds:0} s per scenario, {Environment.ProcessorCount} cores, .NET {Environment.Version})"));
        output.WriteLine("Compare numbers within this run only. 'other' is CPU that neither the API, the client nor PostgreSQL used: other work on the machine.");
        output.WriteLine();
        output.WriteLine(Invariant($"{"",62}{"CPU, cores of the machine",-29}{"CPU us per request",-22}"));
        output.WriteLine(Invariant($"{"scenario",-24}{"conns",6}{"rps",9}{"p50 ms",9}{"p99 ms",9}{"non2xx",8}   {"api",6}{"client",7}{"pg",6}{"other",7}   {"api",6}{"client",7}{"pg",6}   rps per round"));
        foreach (var s in _scenarios.Values)
        {
            var cpu = s.Cpu;
            output.WriteLine(Invariant(
                $"{s.Scenario.Key,-24}{s.Scenario.Connections,6}{s.Rps,9:0}{Percentile(s, 0.50),9:0.00}{Percentile(s, 0.99),9:0.00}{s.Non2xx + s.Errors,8}   {cpu.Server,6:0.00}{cpu.Client,7:0.00}{cpu.Postgres,6:0.00}{cpu.Other,7:0.00}   {PerRequest(cpu.Server, s),6:0}{PerRequest(cpu.Client, s),7:0}{PerRequest(cpu.Postgres, s),6:0}   {string.Join(" ", s.RoundRps.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))}"));
        }

        output.WriteLine();
        output.WriteLine(Invariant($"hash ceiling: {HashMs:0.0} ms per hash on one core, {HashesPerSecond:0.0} hashes/s on {Environment.ProcessorCount} cores ({_ceiling.Algorithm} {_ceiling.Parameters}; per round: {string.Join(", ", _hashes.Select(h => h.HashesPerSecond.ToString("0.0", CultureInfo.InvariantCulture)))})"));
        output.WriteLine(Invariant($"API process: RSS {Mib(RssMib)} after the run (peak {Mib(PeakRssMib)}); start-up {_options.StartupMs:0} ms (the process with the check off: {_options.StartupMsNoRevocationCheck:0} ms, RSS {Mib(RssMibNoRevocationCheck)})"));
        output.WriteLine();
        output.WriteLine(Invariant($"{"target",-44}{"measured",12}{"target",12}   result"));
        var targets = Targets();
        foreach (var t in targets)
        {
            output.WriteLine(Invariant($"{t.Name,-44}{t.Measured,12}{t.Limit,12}   {(t.Pass ? "PASS" : "MISS")}{(t.Pass || t.Note is null ? string.Empty : "  " + t.Note)}"));
        }

        output.WriteLine(Invariant($"{targets.Count(t => t.Pass)} of {targets.Count} targets met"));
    }

    public async Task WriteJsonAsync(string path)
    {
        var scenarios = new JsonObject();
        foreach (var s in _scenarios.Values)
        {
            var cpu = s.Cpu;
            scenarios[s.Scenario.Key] = new JsonObject
            {
                ["route"] = s.Scenario.Title,
                ["connections"] = s.Scenario.Connections,
                ["rps"] = Round(s.Rps, 1),
                ["p50_ms"] = Round(Percentile(s, 0.50), 3),
                ["p90_ms"] = Round(Percentile(s, 0.90), 3),
                ["p99_ms"] = Round(Percentile(s, 0.99), 3),
                ["max_ms"] = Round(Percentile(s, 1.0), 3),
                ["non2xx"] = s.Non2xx,
                ["errors"] = s.Errors,
                ["requests"] = s.Latencies.Count,
                ["seconds"] = Round(s.WindowSeconds, 2),
                ["rps_per_round"] = new JsonArray(s.RoundRps.Select(r => (JsonNode)Round(r, 1)).ToArray()),
                ["cpu_cores"] = new JsonObject
                {
                    ["api"] = Round(cpu.Server, 3),
                    ["client"] = Round(cpu.Client, 3),
                    ["postgres"] = Round(cpu.Postgres, 3),
                    ["other"] = Round(cpu.Other, 3),
                },
                ["cpu_us_per_request"] = new JsonObject
                {
                    ["api"] = Round(PerRequest(cpu.Server, s), 1),
                    ["client"] = Round(PerRequest(cpu.Client, s), 1),
                    ["postgres"] = Round(PerRequest(cpu.Postgres, s), 1),
                },
            };
        }

        var json = new JsonObject
        {
            ["generated_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["mode"] = _options.Quick ? "quick" : "full",
            ["machine"] = new JsonObject
            {
                ["processors"] = Environment.ProcessorCount,
                ["os"] = RuntimeInformation.OSDescription,
                ["runtime"] = RuntimeInformation.FrameworkDescription,
            },
            ["settings"] = new JsonObject
            {
                ["rounds"] = _options.Rounds,
                ["seconds_per_round"] = _options.Slice.TotalSeconds,
                ["warm_up_seconds"] = _options.InitialWarmUp(_scenarios["health"].Scenario).TotalSeconds,
                ["warm_up_seconds_hash_bound"] = _options.InitialWarmUp(_scenarios["login"].Scenario).TotalSeconds,
                ["fast_connections"] = BenchOptions.FastConnections,
                ["hash_connections"] = BenchOptions.HashConnections,
            },
            ["ceiling"] = new JsonObject
            {
                ["health_rps"] = Round(HealthRps, 1),
                ["hash_algorithm"] = _ceiling.Algorithm,
                ["hash_parameters"] = _ceiling.Parameters,
                ["hash_ms"] = Round(HashMs, 2),
                ["hashes_per_s"] = Round(HashesPerSecond, 2),
                ["hashes_per_s_per_round"] = new JsonArray(_hashes.Select(h => (JsonNode)Round(h.HashesPerSecond, 2)).ToArray()),
            },
            ["scenarios"] = scenarios,
            ["revocation_check_cost"] = Round(RevocationCheckCost, 4),
            ["rss_mib"] = RssMib is { } rss ? Round(rss, 1) : null,
            ["rss_peak_mib"] = PeakRssMib is { } peak ? Round(peak, 1) : null,
            ["rss_mib_no_revocation_check"] = RssMibNoRevocationCheck is { } rss2 ? Round(rss2, 1) : null,
            ["startup_ms"] = Round(_options.StartupMs, 0),
            ["startup_ms_no_revocation_check"] = Round(_options.StartupMsNoRevocationCheck, 0),
            ["targets"] = new JsonArray(Targets().Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name,
                ["measured"] = t.Measured,
                ["target"] = t.Limit,
                ["pass"] = t.Pass,
                ["note"] = t.Note,
            }).ToArray()),
        };

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private List<Target> Targets()
    {
        var targets = new List<Target>
        {
            AtLeast("login rps / hashes_per_s", _scenarios["login"].Rps / HashesPerSecond, 0.85),
            AtLeast("register rps / hashes_per_s", _scenarios["register"].Rps / HashesPerSecond, 0.85),
            AtLeast("me rps / health_rps", _scenarios["me"].Rps / HealthRps, 0.30),
            AtLeast("verify rps / health_rps", _scenarios["verify"].Rps / HealthRps, 0.50),
            AtLeast("refresh rps / health_rps", _scenarios["refresh"].Rps / HealthRps, 0.08),
        };
        foreach (var s in _scenarios.Values)
        {
            var p99 = Percentile(s, 0.99);
            var hashBound = s.Scenario.HashBound;
            targets.Add(new Target(
                $"p99 {s.Scenario.Key} ({s.Scenario.Connections} conns)", Invariant($"{p99:0.0} ms"), "< 50 ms", p99 < P99LimitMs,
                hashBound && HashMs >= P99LimitMs ? Invariant($"hash-bound: one hash alone takes {HashMs:0} ms") : null));
        }

        var login = _scenarios["login"];
        var loginP99InHashes = Percentile(login, 0.99) / HashMs;
        targets.Add(new Target(
            $"p99 login / one hash ({login.Scenario.Connections} conns)", Invariant($"{loginP99InHashes:0.0}x"),
            Invariant($"<= {LoginP99LimitInHashes:0}x"), loginP99InHashes <= LoginP99LimitInHashes, null));

        var failures = _scenarios.Values.Sum(s => s.Non2xx + s.Errors);
        targets.Add(new Target("non-2xx answers and errors, all scenarios", Invariant($"{failures}"), "0", failures == 0, null));
        targets.Add(new Target("API RSS after the run", Mib(RssMib), Invariant($"< {RssLimitMib:0} MiB"), RssMib < RssLimitMib, null));
        targets.Add(new Target("start-up to first 200 on /health/live", Invariant($"{_options.StartupMs:0} ms"),
            Invariant($"< {StartupLimitMs:0} ms"), _options.StartupMs < StartupLimitMs, null));
        targets.Add(new Target("revocation check cost on /me", Percent(RevocationCheckCost), "<= 20%", RevocationCheckCost <= 0.20, null));
        return targets;
    }

    private static Target AtLeast(string name, double ratio, double limit) =>
        new(name, Percent(ratio), ">= " + Percent(limit), ratio >= limit, null);

    /// <summary>Nearest-rank percentile of the sorted latencies, in milliseconds.</summary>
    private static double Percentile(ScenarioTotals s, double q)
    {
        if (s.Latencies.Count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Clamp((int)Math.Ceiling(q * s.Latencies.Count) - 1, 0, s.Latencies.Count - 1);
        return s.Latencies[rank] * 1000.0 / Stopwatch.Frequency;
    }

    /// <summary>CPU microseconds per answered request: moved much less than throughput by other work on the machine.</summary>
    private static double PerRequest(double cores, ScenarioTotals s) => cores * 1_000_000 / s.Rps;

    private static string Percent(double ratio) => Invariant($"{ratio * 100:0.#}%");

    private static string Mib(double? mib) => mib is { } value ? Invariant($"{value:0} MiB") : "n/a";

    private static double Round(double value, int digits) =>
        double.IsFinite(value) ? Math.Round(value, digits) : 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Target(string Name, string Measured, string Limit, bool Pass, string? Note);
}
