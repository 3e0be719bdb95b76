using Npgsql;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>
/// The PostgreSQL the integration tests share. scripts/test.sh starts a throwaway server and names it
/// in SHOPEASE_TEST_DATABASE; without that (a plain <c>dotnet test</c>, an IDE's test runner) the first
/// test starts a throwaway cluster of this process's own, the same way, and it is stopped when the
/// process exits. Each test class gets a database of its own on it, created before the class and
/// dropped after.
/// </summary>
public static class TestDatabaseServer
{
    public const string EnvironmentVariable = "SHOPEASE_TEST_DATABASE";

    private static readonly Lazy<Task<string>> Server = new(FindOrStartServerAsync);

    public static async Task<string> CreateDatabaseAsync(string name)
    {
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(await Server.Value) { Database = name, Pooling = true }.ConnectionString;
    }

    public static Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    private static async Task<string> FindOrStartServerAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        OwnPostgresCluster cluster;
        try
        {
            cluster = await OwnPostgresCluster.StartAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set and no PostgreSQL 15 could be started here ({e.Message}). " +
                "Run the tests with scripts/test.sh, which installs PostgreSQL when it is missing, or set SHOPEASE_PG_BINDIR.",
                e);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAndRemoveAtExit();
        return cluster.ConnectionString("postgres");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(await Server.Value) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
