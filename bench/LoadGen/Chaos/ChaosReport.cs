using System.Globalization;

namespace ShopEase.LoadGen.Chaos;

/// <summary>The chaos run's table: what was sent in each phase, how it failed, how fast the nodes came back, and the checks.</summary>
internal sealed class ChaosReport(IReadOnlyList<Attempt> attempts, IReadOnlyList<Fault> faults, long startedMs, long stoppedMs)
{
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(10);

    public List<Check> Checks { get; } = [];

    public bool Passed => Checks.All(c => c.Passed);

    /// <summary>Failures only during a fault, only of the allowed kinds; every node back within the limit.</summary>
    public void AddFailureChecks()
    {
        var unexpected = attempts.Count(a => a.Outcome == Outcome.Unexpected);
        Checks.Add(new Check("no 500 and no other unexpected answer", unexpected == 0,
            $"{unexpected} unexpected ({string.Join(", ", attempts.Where(a => a.Outcome == Outcome.Unexpected).GroupBy(a => a.Status).Select(g => $"{g.Count()} x {g.Key}"))})"));
        var outside = attempts.Count(a => IsFailure(a.Outcome) && !faults.Any(f => f.Covers(a.UnixMs)));
        Checks.Add(new Check("failures (503 service_unavailable, proxy 5xx, connection errors) only during a fault", outside == 0,
            $"{attempts.Count(a => IsFailure(a.Outcome))} failures, {outside} outside a fault"));
        var slowest = faults.Count == 0 ? 0 : faults.Max(f => f.RecoverySeconds);
        Checks.Add(new Check($"every node answers /health/ready within {RecoveryLimit.TotalSeconds:0} s of each fault",
            faults.Count > 0 && slowest <= RecoveryLimit.TotalSeconds,
            string.Join(", ", faults.Select(f => Invariant($"{f.Name} {f.RecoverySeconds:0.0} s")))));
    }

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(Invariant($"{"phase",-34}{"from s",8}{"to s",8}{"sent",8}{"ok",8}{"refused",9}{"503",7}{"proxy",7}{"conn",7}{"other",7}{"ready s",9}"));
        var phases = new List<(string Name, long From, long To, Func<Attempt, bool> In, string Ready)>
        {
            ("no fault (before, between, after)", startedMs, stoppedMs, a => !faults.Any(f => f.Covers(a.UnixMs)), "-"),
        };
        phases.AddRange(faults.Select(f => (f.Name, f.StartMs, f.AllReadyMs + (long)Fault.Grace.TotalMilliseconds,
            (Func<Attempt, bool>)(a => f.Covers(a.UnixMs)), f.RecoverySeconds.ToString("0.0", CultureInfo.InvariantCulture))));
        foreach (var (name, from, to, inPhase, ready) in phases)
        {
            var these = attempts.Where(inPhase).ToList();
            output.WriteLine(Invariant(
                $"{name,-34}{(from - startedMs) / 1000.0,8:0.0}{(to - startedMs) / 1000.0,8:0.0}{these.Count,8}{Count(these, Outcome.Ok),8}{Count(these, Outcome.ExpectedRefusal),9}{Count(these, Outcome.ServiceUnavailable),7}{Count(these, Outcome.ProxyError),7}{Count(these, Outcome.ConnectionError),7}{Count(these, Outcome.Unexpected),7}{ready,9}"));
        }

        output.WriteLine();
        output.WriteLine(Invariant($"{"route",-34}{"sent",8}{"ok",8}{"refused",9}{"503",7}{"proxy",7}{"conn",7}{"other",7}"));
        foreach (var route in attempts.GroupBy(a => a.Route).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var these = route.ToList();
            output.WriteLine(Invariant(
                $"{route.Key,-34}{these.Count,8}{Count(these, Outcome.Ok),8}{Count(these, Outcome.ExpectedRefusal),9}{Count(these, Outcome.ServiceUnavailable),7}{Count(these, Outcome.ProxyError),7}{Count(these, Outcome.ConnectionError),7}{Count(these, Outcome.Unexpected),7}"));
        }

        output.WriteLine();
        output.WriteLine("refused: the honest refusals the scenario expects (a chain's 401 after a lost answer, 409 sold out);");
        output.WriteLine("503: the API's own service_unavailable; proxy: HAProxy's (the same 503 problem, for a node that could not answer); conn: no HTTP answer; other: a bug.");
        output.WriteLine();
        foreach (var check in Checks)
        {
            output.WriteLine($"{(check.Passed ? "PASS" : "FAIL")}  {check.Name}: {check.Found}");
        }

        output.WriteLine($"{Checks.Count(c => c.Passed)} of {Checks.Count} checks passed");
        foreach (var a in attempts.Where(a => IsFailure(a.Outcome) && !faults.Any(f => f.Covers(a.UnixMs))).Take(10))
        {
            output.WriteLine(Invariant($"  outside a fault at {(a.UnixMs - startedMs) / 1000.0:0.0} s: {a.Route} {a.Outcome} {a.Status}"));
        }
    }

    private static bool IsFailure(Outcome outcome) => outcome is Outcome.ServiceUnavailable or Outcome.ProxyError or Outcome.ConnectionError;

    private static int Count(List<Attempt> attempts, Outcome outcome) => attempts.Count(a => a.Outcome == outcome);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
