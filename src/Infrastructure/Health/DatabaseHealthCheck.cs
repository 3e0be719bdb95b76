using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ShopEase.Infrastructure.Persistence;

namespace ShopEase.Infrastructure.Health;

/// <summary>Ready means PostgreSQL answers and every migration this build knows is applied.</summary>
public sealed class DatabaseHealthCheck(ShopEaseDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any()
                ? HealthCheckResult.Unhealthy("The database schema is behind this build.")
                : HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reason is for the log, never for the response body.
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
