using System.Diagnostics;
using Npgsql;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>
/// A PostgreSQL cluster of one test's own, so the test may stop and start it (an outage) without
/// touching the server every other test shares. Runs as the postgres user when the tests run as root.
/// </summary>
public sealed class OwnPostgresCluster : IAsyncDisposable
{
    private readonly string _binDir;
    private readonly string _directory;
    private readonly bool _asRoot;

    private OwnPostgresCluster(string binDir, string directory, int port, bool asRoot)
    {
        _binDir = binDir;
        _directory = directory;
        Port = port;
        _asRoot = asRoot;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_directory, "data");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ConnectionString;

    public static async Task<OwnPostgresCluster> StartAsync()
    {
        var binDir = Environment.GetEnvironmentVariable("SHOPEASE_PG_BINDIR") is { Length: > 0 } configured
            ? configured
            : "/usr/lib/postgresql/15/bin";
        var directory = Path.Combine(Path.GetTempPath(), $"shopease-outage-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres", directory], asPostgres: false);
        }

        var cluster = new OwnPostgresCluster(binDir, directory, LoopbackPort.Free(), asRoot);
        await cluster.ServerAsync("initdb", "-D", cluster.DataDirectory, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8");
        await cluster.StartServerAsync();
        return cluster;
    }

    public Task StartServerAsync() => ServerAsync(
        "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off", "start");

    /// <summary>The harshest stop: like pulling the plug, no goodbye to connected clients.</summary>
    public Task StopImmediatelyAsync() => ServerAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ServerAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_directory, recursive: true);
    }

    private Task ServerAsync(string tool, params string[] args) => RunAsync(Path.Combine(_binDir, tool), args, _asRoot);

    private static async Task RunAsync(string file, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {await output}{await error}");
        }
    }
}
