using System.Globalization;

namespace ShopEase.LoadGen.Chaos;

/// <summary>What bench/chaos.sh tells the chaos driver.</summary>
internal sealed record ChaosOptions
{
    public const string Usage = """
        Usage: ShopEase.LoadGen chaos --api URL --database CONNECTION-STRING --faults FILE --stop-file FILE [--shoppers N] [--chains N]

        --api         the cluster's address (HAProxy)
        --database    Npgsql connection string of the cluster's database, for the checks afterwards
        --faults      written by bench/chaos.sh: one line per fault (name, start, end, all nodes ready; Unix ms)
        --stop-file   the load stops once this file exists; then the checks run. FILE.started is
                      written when the load has started
        """;

    public required Uri Api { get; init; }

    public required string Database { get; init; }

    public required string FaultsFile { get; init; }

    public required string StopFile { get; init; }

    public int Shoppers { get; init; } = 4;

    public int Chains { get; init; } = 4;

    public static ChaosOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            values[args[i]] = args[++i];
        }

        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required");
        int Optional(string name, int fallback) =>
            values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

        return new ChaosOptions
        {
            Api = new Uri(Required("--api")),
            // No pool: the run restarts PostgreSQL, and a pooled connection from before would be dead.
            Database = new Npgsql.NpgsqlConnectionStringBuilder(Required("--database")) { Pooling = false }.ConnectionString,
            FaultsFile = Required("--faults"),
            StopFile = Required("--stop-file"),
            Shoppers = Optional("--shoppers", 4),
            Chains = Optional("--chains", 4),
        };
    }
}
