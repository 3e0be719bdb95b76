using System.Globalization;

namespace ShopEase.LoadGen.Chaos;

/// <summary>One fault bench/chaos.sh caused: when it began, when its restart command returned, and when every node answered /health/ready again.</summary>
internal sealed record Fault(string Name, long StartMs, long EndMs, long AllReadyMs)
{
    /// <summary>Failures are allowed from the fault's start until every node is ready again, plus the health check's interval.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    public double RecoverySeconds => (AllReadyMs - EndMs) / 1000.0;

    public bool Covers(long unixMs) => unixMs >= StartMs && unixMs <= AllReadyMs + (long)Grace.TotalMilliseconds;

    public static IReadOnlyList<Fault> Read(string path) =>
        File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => new Fault(
                f[0],
                long.Parse(f[1], CultureInfo.InvariantCulture),
                long.Parse(f[2], CultureInfo.InvariantCulture),
                long.Parse(f[3], CultureInfo.InvariantCulture)))
            .ToList();
}
