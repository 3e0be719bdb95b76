using System.Diagnostics;
using Npgsql;

namespace ShopEase.Web.IntegrationTests.Support;

/// <summary>
/// Row and advisory locks a test holds on a connection of its own, and PostgreSQL's own view of who is
/// waiting on a lock: together they line concurrent requests up in exactly the order a race needs.
/// </summary>
public sealed class DatabaseLocks : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private DatabaseLocks(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>Runs <paramref name="sql"/> (e.g. <c>SELECT ... FOR UPDATE</c>) in a transaction kept open until disposed.</summary>
    public static async Task<DatabaseLocks> HoldAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
        return new DatabaseLocks(connection, transaction);
    }

    /// <summary>Waits until <paramref name="count"/> sessions of this database wait on a lock, or <paramref name="orElse"/> has completed.</summary>
    public static async Task WaitForWaitersAsync(string connectionString, int count, Task? orElse = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if ((long)(await command.ExecuteScalarAsync())! >= count || orElse is { IsCompleted: true })
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Fewer than {count} sessions came to wait on a lock.");
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Ends the transaction, releasing whatever it held.</summary>
    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
