using AiWorkload.Catalog;
using AiWorkload.Orchestration.Store;
using AiWorkload.Storage.Postgres.Catalog;
using AiWorkload.Storage.Postgres.Hosting;
using AiWorkload.Storage.Postgres.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class SharedStorageExtensions
{
    /// <summary>The connection string name (<c>ConnectionStrings:workloaddb</c>), also the AppHost's resource name.</summary>
    public const string ConnectionName = "workloaddb";

    /// <summary>
    /// With <c>ConnectionStrings:workloaddb</c> set, the catalog (models, datasets, versions, outbox, idempotency) and the
    /// orchestration run store live in that PostgreSQL database, which every service and replica shares; without it nothing
    /// changes and each store stays in SQLite under the data directory, which only processes on one machine can share.
    /// Call it before or after the services' <c>AddXxx()</c>: it replaces the SQLite registrations either way.
    /// </summary>
    public static IHostApplicationBuilder AddSharedWorkloadStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration.GetConnectionString(ConnectionName) is not { Length: > 0 } connectionString)
        {
            return builder;
        }

        var services = builder.Services;
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.RemoveAll<IWorkloadCatalog>();
        services.AddSingleton<IWorkloadCatalog>(sp => new PostgresWorkloadCatalog(sp.GetRequiredService<NpgsqlDataSource>()));
        services.RemoveAll<IRunStore>();
        services.AddSingleton<IRunStore>(sp => new PostgresRunStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>(ConnectionName);
        return builder;
    }
}
