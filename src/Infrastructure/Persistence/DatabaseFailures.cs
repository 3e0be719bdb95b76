using Npgsql;

namespace ShopEase.Infrastructure.Persistence;

/// <summary>Tells a database that is away (down, restarting, refusing, too slow) from a bug.</summary>
public static class DatabaseFailures
{
    public static bool IsUnavailable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return IsUnavailableState(postgres.SqlState);
                case NpgsqlException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }

    // 08: connection exceptions; 57P01-57P03: shutting down, crashed, starting up; 53300: too many connections.
    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;
}
