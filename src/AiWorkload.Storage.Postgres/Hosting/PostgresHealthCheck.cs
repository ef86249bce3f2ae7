using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace AiWorkload.Storage.Postgres.Hosting;

/// <summary>Unhealthy while the shared database cannot run a query: every request and handler would fail on it.</summary>
internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException error)
        {
            // The message names the server and the failure, never the password.
            return HealthCheckResult.Unhealthy($"The shared workload database does not answer: {error.Message}");
        }
    }
}
