using AiWorkload.Storage.Postgres.Catalog;
using AiWorkload.Testing;
using AiWorkload.Testing.Outbox;
using Npgsql;

namespace AiWorkload.Catalog.Tests.Outbox;

/// <summary>The outbox dispatcher over the catalog's outbox on PostgreSQL, a database of its own per test.</summary>
public sealed class PostgresCatalogOutboxDispatcherTests : OutboxDispatcherContract<IWorkloadCatalog>
{
    private PostgresDatabase? _database;
    private NpgsqlDataSource? _dataSource;

    protected override async Task<IWorkloadCatalog> CreateStoreAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        return new PostgresWorkloadCatalog(_dataSource);
    }

    protected override async Task DisposeStoreAsync()
    {
        // Connections go back before the database is dropped.
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override Task CommitAsync(params string[] messageIds) => CatalogOutboxCommits.CommitAsync(Store, Now, messageIds);
}
