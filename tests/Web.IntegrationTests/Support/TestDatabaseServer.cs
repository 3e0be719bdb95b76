using Npgsql;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>
/// The throwaway PostgreSQL that scripts/test.sh starts. Each test class gets a database of its own
/// on it, created before the class and dropped after.
/// </summary>
public static class TestDatabaseServer
{
    public const string EnvironmentVariable = "SHOPEASE_TEST_DATABASE";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL and sets it.");

    public static async Task<string> CreateDatabaseAsync(string name)
    {
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public static Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
