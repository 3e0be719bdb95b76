using System.Diagnostics;
using Npgsql;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster on a free loopback port: of one test's own, so the test may stop
/// and start it (an outage) without touching the server every other test shares, or the shared one
/// when no server was given (<see cref="TestDatabaseServer"/>). Commits are durable (synchronous_commit stays on), so a test
/// that stops the server at once loses nothing a client was told had been saved. Runs as the
/// postgres user when the tests run as root.
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
        var directory = Path.Combine(Path.GetTempPath(), $"shopease-pg-{Guid.NewGuid():N}");
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
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c max_connections=200", "start");

    /// <summary>
    /// The harshest stop: like pulling the plug, no goodbye to connected clients. What was committed
    /// before it survives, as on a durable server: this cluster runs with synchronous_commit=off, so
    /// a checkpoint first writes out the WAL of commits the WAL writer has not written yet (without
    /// it, the last write before the stop was lost at random).
    /// </summary>
    public async Task StopImmediatelyAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection);
            await checkpoint.ExecuteNonQueryAsync();
        }

        await ServerAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
    }

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

    /// <summary>
    /// For the end of the test process, where the test platform allows only a moment before it ends
    /// the process and its children: a detached process of its own session stops the server and
    /// removes its files.
    /// </summary>
    public void StopAndRemoveAtExit()
    {
        var stop = new ProcessStartInfo("setsid") { UseShellExecute = false, WorkingDirectory = "/" };
        stop.Environment["SHOPEASE_PG_DIRECTORY"] = _directory;
        string[] pgCtl = [Path.Combine(_binDir, "pg_ctl"), "-D", DataDirectory, "-m", "immediate", "-w", "stop"];
        string[] command = ["-f", "sh", "-c", "\"$0\" \"$@\" >/dev/null 2>&1; rm -rf -- \"$SHOPEASE_PG_DIRECTORY\"",
            .. _asRoot ? ["runuser", "-u", "postgres", "--", .. pgCtl] : pgCtl];
        foreach (var arg in command)
        {
            stop.ArgumentList.Add(arg);
        }

        Process.Start(stop)?.Dispose();
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
